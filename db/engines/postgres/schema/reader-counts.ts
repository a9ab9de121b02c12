import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** db/schema/reader-counts.ts on PostgreSQL: kept by triggers (migration 0002 here), never written by the app. */
export const readerStatusCounts = pgTable(
  "reader_status_count",
  {
    kind: text("kind").notNull(),
    statusKey: text("status_key").notNull(),
    claims: integer("claims").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.statusKey] })],
);

export const readerStatusMonths = pgTable(
  "reader_status_month",
  {
    month: text("month").notNull(),
    statusKey: text("status_key").notNull(),
    events: integer("events").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.statusKey] })],
);
