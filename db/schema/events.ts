import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS } from "../../lib/dates";
import { EVENT_VISIBILITIES } from "../../lib/claim-rules";
import { nowMs, user } from "./auth";
import { claims } from "./claims";
import { statuses } from "./statuses";

/**
 * A claim's verification history. Append-only: a published event is never updated or
 * deleted (database triggers refuse it); a correction is a new event naming the old one.
 */
export const statusEvents = sqliteTable(
  "status_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    statusKey: text("status_key")
      .notNull()
      .references(() => statuses.key),
    /** YYYY-MM-DD; for month or year precision, the first day of the period. */
    effectiveDate: text("effective_date").notNull(),
    effectivePrecision: text("effective_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    /** Public, shown to readers. */
    rationale: text("rationale"),
    /**
     * BCP 47 tag of the rationale, stored with the event (append-only: never changed after).
     * Null when there is no rationale, and on events recorded before migration 0016: readers
     * detect those when rendering (lib/text-language.ts).
     */
    rationaleLanguage: text("rationale_language"),
    /** Editors only; never leaves the editor screens. */
    internalNote: text("internal_note"),
    visibility: text("visibility", { enum: EVENT_VISIBILITIES }).notNull().default("published"),
    correctsEventId: integer("corrects_event_id").references((): AnySQLiteColumn => statusEvents.id),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    index("status_event_claim_idx").on(t.claimId, t.effectiveDate, t.recordedAt),
    index("status_event_recorded_idx").on(t.recordedAt),
    // The desk feed as of a day walks events newest effective first (db/feeds/feed-rows.ts).
    index("status_event_effective_idx").on(t.effectiveDate, t.recordedAt),
  ],
);

export const sources = sqliteTable("source", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  title: text("title"),
  /** BCP 47 tag of the title; null without a title, or on sources older than migration 0016. */
  titleLanguage: text("title_language"),
  publisher: text("publisher"),
  publishedDate: text("published_date"),
  archivedUrl: text("archived_url"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});

export const eventSources = sqliteTable(
  "status_event_source",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => statusEvents.id),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sourceId] }), index("event_source_source_idx").on(t.sourceId)],
);

export type StatusEvent = typeof statusEvents.$inferSelect;
export type NewStatusEvent = typeof statusEvents.$inferInsert;
export type Source = typeof sources.$inferSelect;

/**
 * Later values of a quantity claim's figure (the valuation as reported on later dates), each
 * with its source. Append-only like the timeline: a wrong value is superseded, not edited.
 */
export const quantityObservations = sqliteTable(
  "quantity_observation",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    value: real("value").notNull(),
    unit: text("unit").notNull().default(""),
    /** YYYY-MM-DD: the date the value refers to. */
    observedOn: text("observed_on").notNull(),
    note: text("note"),
    sourceId: integer("source_id").references(() => sources.id),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [index("quantity_observation_claim_idx").on(t.claimId, t.observedOn)],
);

export type QuantityObservation = typeof quantityObservations.$inferSelect;
