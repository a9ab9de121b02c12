import { sql } from "drizzle-orm";
import { check, integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * One row whose `value` grows with every change to what readers see: triggers on those tables
 * (migration 0017, listed in db/change-counter.ts) add one in the same transaction as the
 * change. Every cache (pages, reader data, PDFs) remembers the value it was filled at and
 * answers only while it is unchanged, so a write by any process, a CLI script, the seed or a
 * restore shows on the very next request, in every process.
 */
export const changeCounter = sqliteTable(
  "change_counter",
  {
    id: integer("id").primaryKey(),
    value: integer("value").notNull().default(0),
  },
  (table) => [check("change_counter_one_row", sql`${table.id} = 1`)],
);
