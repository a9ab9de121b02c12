import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Figures of the unfiltered public tracker, kept by triggers in the transaction of every write
 * (migration 0008), so that the tracker's first view costs the same at any desk size. Never
 * written by the app. A row can fall to zero and stay; readers skip those.
 */

/** Readable claims per kind and current status: the tracker's counts, unfiltered or for a kind filter. */
export const readerStatusCounts = sqliteTable(
  "reader_status_count",
  {
    kind: text("kind").notNull(),
    statusKey: text("status_key").notNull(),
    claims: integer("claims").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.statusKey] })],
);

/**
 * Published status events per month of effective date and status, on the timelines of
 * readable claims (a merged claim's events count on the claim it was merged into; drafts never).
 */
export const readerStatusMonths = sqliteTable(
  "reader_status_month",
  {
    month: text("month").notNull(),
    statusKey: text("status_key").notNull(),
    events: integer("events").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.statusKey] })],
);
