import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * db/schema/change-counter.ts on PostgreSQL. The counter and the tags' stamps are bigint (read
 * as JS numbers, like SQLite's 64-bit integers): a busy desk must never wrap a 32-bit counter.
 * The triggers that move them (migration 0003 here) also NOTIFY `claimline_changes`, so other
 * app nodes can drop their caches at once instead of at their next read of the counter.
 */
export const changeCounter = pgTable(
  "change_counter",
  {
    // The one row is id 1 (the check says so); the default lets an insert name no id, as on SQLite.
    id: integer("id").primaryKey().default(1),
    value: bigint("value", { mode: "number" }).notNull().default(0),
  },
  (table) => [check("change_counter_one_row", sql`${table.id} = 1`)],
);

export const cacheTagChange = pgTable(
  "cache_tag_change",
  {
    tag: text("tag").primaryKey(),
    changedAt: bigint("changed_at", { mode: "number" }).notNull(),
  },
  (table) => [index("cache_tag_change_changed_at_idx").on(table.changedAt)],
);
