import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REVIEW_OUTCOMES, REVIEW_SUBJECTS } from "../../lib/review-rules";
import { nowMs, user } from "./auth";

/**
 * A request for a second editor's approval (the desk's "cross-check"): an article to publish,
 * or a status event held as a draft until approved. Open while `outcome` is null; at most one
 * open request per subject. Decided rows stay, so the article's review history (who sent it
 * back, with which comment) can be shown; the audit log records every step as well.
 */
export const reviewRequests = sqliteTable(
  "review_request",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectType: text("subject_type", { enum: REVIEW_SUBJECTS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    /** The article's version when submitted: an approval applies to what was submitted, not to a later edit. */
    subjectVersion: integer("subject_version"),
    requestedBy: text("requested_by").references(() => user.id, { onDelete: "set null" }),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    outcome: text("outcome", { enum: REVIEW_OUTCOMES }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    /** Required when sent back: what the author should change. */
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("review_request_open_idx").on(t.subjectType, t.subjectId).where(sql`outcome IS NULL`),
    index("review_request_subject_idx").on(t.subjectType, t.subjectId, t.requestedAt),
  ],
);

export type ReviewRequest = typeof reviewRequests.$inferSelect;
