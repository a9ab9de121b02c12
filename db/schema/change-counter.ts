import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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

/**
 * Which cache tag changed last at which counter value, so a cache can invalidate only the
 * pages that show what changed (issue 18): a page stored at counter value C, tagged
 * `article-12 claim-34 …`, is stale exactly when one of its tags has `changed_at > C`.
 * Triggers (migration 0018) write the tags of each change in the same statement that moves
 * the counter; db/cache-tags/ lists which tags each table's changes touch and which tags each
 * reader page carries. Tags are also the `Surrogate-Key`/`Cache-Tag` names a shared cache
 * (Varnish, a CDN) is purged by.
 */
export const cacheTagChange = sqliteTable(
  "cache_tag_change",
  {
    tag: text("tag").primaryKey(),
    changedAt: integer("changed_at").notNull(),
  },
  // The purge after each write reads "every tag changed since the write began": a range on
  // changed_at, not a scan of one row per claim and article the desk ever had.
  (table) => [index("cache_tag_change_changed_at_idx").on(table.changedAt)],
);
