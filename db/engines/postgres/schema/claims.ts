import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, doublePrecision, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { CLAIM_KINDS, CLAIMANT_TYPES, QUANTITY_QUALIFIERS } from "../../../../lib/claim-rules";
import { ANCHOR_STATES } from "../../../schema/claims";
import { articles } from "./articles";
import { user } from "./auth";
import { serialId, timestampMs } from "./columns";
import { statuses } from "./statuses";

/** db/schema/claims.ts on PostgreSQL (the comments there say what each column and index is for). */
export const claims = pgTable(
  "claim",
  {
    id: serialId(),
    statement: text("statement").notNull(),
    statementLanguage: text("statement_language"),
    claimant: text("claimant"),
    claimantType: text("claimant_type", { enum: CLAIMANT_TYPES }),
    claimDate: text("claim_date"),
    kind: text("kind", { enum: CLAIM_KINDS }).notNull().default("fact"),
    quantityValue: doublePrecision("quantity_value"),
    quantityUnit: text("quantity_unit"),
    quantityQualifier: text("quantity_qualifier", { enum: QUANTITY_QUALIFIERS }),
    quantityAsOf: text("quantity_as_of"),
    recheckBy: text("recheck_by"),
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    currentStatus: text("current_status")
      .notNull()
      .default("unverified")
      .references(() => statuses.key),
    currentStatusEventId: integer("current_status_event_id"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull().defaultNow(),
    updatedAt: timestampMs("updated_at").notNull().defaultNow(),
    deletedAt: timestampMs("deleted_at"),
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => claims.id),
    /** Kept by triggers (migration 0002 here, mirroring SQLite's 0008), never written by the app. */
    readable: boolean("readable").notNull().default(false),
    timelineOwnerId: integer("timeline_owner_id"),
    timelineReadable: boolean("timeline_readable").notNull().default(false),
  },
  (t) => [
    index("claim_status_idx").on(t.currentStatus),
    index("claim_updated_idx").on(t.updatedAt),
    index("claim_recheck_idx").on(t.recheckBy),
    index("claim_merged_into_idx").on(t.mergedIntoId),
    index("claim_readable_updated_idx").on(t.readable, t.updatedAt, t.id),
    index("claim_readable_kind_idx").on(t.readable, t.kind, t.currentStatus),
    // PostgreSQL sorts NULLs last ascending (unlike SQLite), but the expressions are kept so
    // both engines answer the same ORDER BY from an index, written once.
    index("claim_readable_claim_date_idx").on(t.readable, sql`(claim_date IS NULL)`, t.claimDate, t.id),
    index("claim_readable_claim_date_desc_idx").on(t.readable, sql`(claim_date IS NOT NULL)`, t.claimDate, t.id),
    index("claim_timeline_owner_idx").on(t.timelineOwnerId),
    index("claim_assignee_idx").on(t.assigneeId),
  ],
);

export const mentions = pgTable(
  "mention",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    exact: text("exact").notNull(),
    language: text("language"),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    position: integer("position").notNull().default(0),
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }).notNull().default("anchored"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull().defaultNow(),
    updatedAt: timestampMs("updated_at").notNull().defaultNow(),
    deletedAt: timestampMs("deleted_at"),
  },
  (t) => [index("mention_article_idx").on(t.articleId, t.position), index("mention_claim_idx").on(t.claimId, t.deletedAt, t.articleId)],
);

export const suggestionDismissals = pgTable(
  "suggestion_dismissal",
  {
    id: serialId(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    sentence: text("sentence").notNull(),
    dismissedBy: text("dismissed_by").references(() => user.id, { onDelete: "set null" }),
    dismissedAt: timestampMs("dismissed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("suggestion_dismissal_unique").on(t.articleId, t.sentence)],
);
