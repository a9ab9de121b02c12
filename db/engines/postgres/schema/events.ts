import { type AnyPgColumn, doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { EVENT_VISIBILITIES } from "../../../../lib/claim-rules";
import { DATE_PRECISIONS } from "../../../../lib/dates";
import { user } from "./auth";
import { claims } from "./claims";
import { serialId, timestampMs } from "./columns";
import { statuses } from "./statuses";

/** db/schema/events.ts on PostgreSQL. Published events are append-only (triggers, migration 0001 here). */
export const statusEvents = pgTable(
  "status_event",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    statusKey: text("status_key")
      .notNull()
      .references(() => statuses.key),
    effectiveDate: text("effective_date").notNull(),
    effectivePrecision: text("effective_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
    recordedAt: timestampMs("recorded_at").notNull().defaultNow(),
    rationale: text("rationale"),
    rationaleLanguage: text("rationale_language"),
    internalNote: text("internal_note"),
    visibility: text("visibility", { enum: EVENT_VISIBILITIES }).notNull().default("published"),
    correctsEventId: integer("corrects_event_id").references((): AnyPgColumn => statusEvents.id),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    index("status_event_claim_idx").on(t.claimId, t.effectiveDate, t.recordedAt),
    index("status_event_recorded_idx").on(t.recordedAt),
    index("status_event_effective_idx").on(t.effectiveDate, t.recordedAt),
  ],
);

export const sources = pgTable("source", {
  id: serialId(),
  url: text("url").notNull(),
  title: text("title"),
  titleLanguage: text("title_language"),
  publisher: text("publisher"),
  publishedDate: text("published_date"),
  archivedUrl: text("archived_url"),
  createdAt: timestampMs("created_at").notNull().defaultNow(),
});

export const eventSources = pgTable(
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

export const quantityObservations = pgTable(
  "quantity_observation",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    value: doublePrecision("value").notNull(),
    unit: text("unit").notNull().default(""),
    observedOn: text("observed_on").notNull(),
    note: text("note"),
    sourceId: integer("source_id").references(() => sources.id),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    recordedAt: timestampMs("recorded_at").notNull().defaultNow(),
  },
  (t) => [index("quantity_observation_claim_idx").on(t.claimId, t.observedOn)],
);
