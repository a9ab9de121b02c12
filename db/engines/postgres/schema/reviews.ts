import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { REVIEW_OUTCOMES, REVIEW_SUBJECTS } from "../../../../lib/review-rules";
import { user } from "./auth";
import { serialId, timestampMs } from "./columns";

/** db/schema/reviews.ts on PostgreSQL. */
export const reviewRequests = pgTable(
  "review_request",
  {
    id: serialId(),
    subjectType: text("subject_type", { enum: REVIEW_SUBJECTS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    subjectVersion: integer("subject_version"),
    requestedBy: text("requested_by").references(() => user.id, { onDelete: "set null" }),
    requestedAt: timestampMs("requested_at").notNull().defaultNow(),
    outcome: text("outcome", { enum: REVIEW_OUTCOMES }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestampMs("decided_at"),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("review_request_open_idx").on(t.subjectType, t.subjectId).where(sql`outcome IS NULL`),
    index("review_request_subject_idx").on(t.subjectType, t.subjectId, t.requestedAt),
  ],
);
