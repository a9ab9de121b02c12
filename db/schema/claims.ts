import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CLAIM_KINDS, CLAIMANT_TYPES, QUANTITY_QUALIFIERS } from "../../lib/claim-rules";
import { articles } from "./articles";
import { nowMs, user } from "./auth";
import { statuses } from "./statuses";

/** The proposition being checked. It has one timeline, whatever number of articles make it. */
export const claims = sqliteTable(
  "claim",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** At most 120 characters, in the sense of ClaimReview's claimReviewed. */
    statement: text("statement").notNull(),
    /** BCP 47 tag of the statement, detected on write, editable; null on claims written before migration 0016 (detected when read). */
    statementLanguage: text("statement_language"),
    claimant: text("claimant"),
    /** Whether the claimant is a person or an organisation (ClaimReview's author type); null when not said. */
    claimantType: text("claimant_type", { enum: CLAIMANT_TYPES }),
    /** YYYY-MM-DD: when the claim was made. */
    claimDate: text("claim_date"),
    kind: text("kind", { enum: CLAIM_KINDS }).notNull().default("fact"),
    /** For quantity claims: the figure claimed, normalised (27e9 for "270亿美元"), its unit and qualifier. */
    quantityValue: real("quantity_value"),
    quantityUnit: text("quantity_unit"),
    quantityQualifier: text("quantity_qualifier", { enum: QUANTITY_QUALIFIERS }),
    /** YYYY-MM-DD: the date the figure refers to. */
    quantityAsOf: text("quantity_as_of"),
    /** YYYY-MM-DD: when to look at this claim again (a plan said to happen "this year"). */
    recheckBy: text("recheck_by"),
    /** The editor this claim is assigned to (shown first on their /editor page); null when nobody is. */
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    /** Denormalised from the status events, updated in the same transaction as each event. */
    currentStatus: text("current_status")
      .notNull()
      .default("unverified")
      .references(() => statuses.key),
    currentStatusEventId: integer("current_status_event_id"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    /** Soft delete: the row and its history stay, restorable. */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    /** Set when merged into another claim: this claim's events show on that claim's timeline. */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => claims.id),
    /**
     * Kept by triggers (migration 0008), never written by the app: what readers may see (not
     * deleted, with a live mention in a published article), the claim whose timeline holds this
     * claim's events (itself, or the end of its chain of merges), and whether that claim is
     * readable (so this claim's events count on the public chart). Stored so that a tracker view
     * reads an index instead of checking every claim. Queries read them through
     * db/claims/timeline-owner.ts, the one definition, instead of walking merged_into_id.
     */
    readable: integer("readable", { mode: "boolean" }).notNull().default(false),
    timelineOwnerId: integer("timeline_owner_id"),
    timelineReadable: integer("timeline_readable", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("claim_status_idx").on(t.currentStatus),
    index("claim_updated_idx").on(t.updatedAt),
    index("claim_recheck_idx").on(t.recheckBy),
    // Finds the claims merged into one (the insert trigger of 0008, restores); readers read timeline_owner_id instead.
    index("claim_merged_into_idx").on(t.mergedIntoId),
    // The tracker's default order over readable claims, read a page at a time.
    index("claim_readable_updated_idx").on(t.readable, t.updatedAt, t.id),
    // Facet counts for a kind filter, read from the index alone.
    index("claim_readable_kind_idx").on(t.readable, t.kind, t.currentStatus),
    // The claim-date order, undated claims last either way: oldest first reads the first index
    // forwards, newest first reads the second backwards (a single index would put undated first).
    index("claim_readable_claim_date_idx").on(t.readable, sql`(claim_date IS NULL)`, t.claimDate, t.id),
    index("claim_readable_claim_date_desc_idx").on(t.readable, sql`(claim_date IS NOT NULL)`, t.claimDate, t.id),
    index("claim_timeline_owner_idx").on(t.timelineOwnerId),
    index("claim_assignee_idx").on(t.assigneeId),
  ],
);

export const ANCHOR_STATES = ["anchored", "orphaned"] as const;

/**
 * Where a claim is made in an article: W3C TextPositionSelector (start/end, in code points
 * of the article's rendered text) plus TextQuoteSelector (exact, prefix, suffix).
 */
export const mentions = sqliteTable(
  "mention",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    exact: text("exact").notNull(),
    /**
     * BCP 47 tag of the quoted words: a mixed-language article's quotes can differ from the
     * article. Detected when the words are anchored; null on mentions older than migration 0016.
     */
    language: text("language"),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    /** Order of the claim within the article's claim list. */
    position: integer("position").notNull().default(0),
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }).notNull().default("anchored"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("mention_article_idx").on(t.articleId, t.position),
    // Covers "a live mention of this claim, in which article": what every reader query asks of each claim.
    index("mention_claim_idx").on(t.claimId, t.deletedAt, t.articleId),
  ],
);

/** Suggested sentences an editor dismissed, remembered per article by their text. */
export const suggestionDismissals = sqliteTable(
  "suggestion_dismissal",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    sentence: text("sentence").notNull(),
    dismissedBy: text("dismissed_by").references(() => user.id, { onDelete: "set null" }),
    dismissedAt: integer("dismissed_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [uniqueIndex("suggestion_dismissal_unique").on(t.articleId, t.sentence)],
);

export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;
export type Mention = typeof mentions.$inferSelect;
export type NewMention = typeof mentions.$inferInsert;
