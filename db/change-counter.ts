import "server-only";
import { CHANGE_COUNT } from "../server/reader-generation.mjs";
import { servingClient } from "./serving-client";
import { servingReadsOf, type ServingClient } from "./serving-reads";

/**
 * "Has anything readers see changed?", answered by the database, for every process alike.
 *
 * Triggers (migration 0017) add one to the single `change_counter` row whenever a row of a
 * watched table is inserted, updated or deleted, in the same transaction as the change. So a
 * change made by this process, by another app process on the same file, by a CLI script
 * (db:seed, db:backup restore) or by hand in sqlite3 moves the counter, and nobody has to
 * remember to call anything. A cache keeps what it made at one value and drops it when the
 * value differs: reading the counter is one primary-key read of a prepared statement (a few
 * microseconds on SQLite, one round trip on PostgreSQL), cheap enough to do before every cached
 * answer.
 *
 * Why not PRAGMA data_version alone: it moves only for other connections' commits, not this
 * connection's own, and it is per connection, so it cannot be stored beside a cached page.
 */

/** Tables whose rows reader pages, feeds or reports show: a change to any of them moves the counter. */
export const WATCHED_TABLES = [
  "app_setting",
  "article",
  "claim",
  "mention",
  "quantity_observation",
  "source",
  "status",
  "status_event",
  "status_event_source",
  "suggestion_dismissal",
  "review_request",
  "user",
  // Former slugs: readers following an old link are redirected by them.
  "article_slug_alias",
] as const;

/**
 * Tables that change without changing what readers see (a sign-in, a rate-limit counter, an
 * audit row that always comes with a watched change), or that triggers derive from watched ones.
 * A new table must be put in one list or the other (db/change-counter.test.ts checks).
 */
export const UNWATCHED_TABLES = [
  "account",
  "session",
  "verification",
  "api_token",
  "rate_limit",
  "audit_log",
  "reader_status_count",
  "reader_status_month",
  "change_counter",
  // Which cache tags changed when: written by the watched tables' triggers (db/cache-tags.ts).
  "cache_tag_change",
  // Which data migrations have run: the rows they change are in watched tables.
  "data_migration",
] as const;

/**
 * The counter's value now, on the process's connection (or `client`'s). On SQLite a prepared
 * statement answered at once; on PostgreSQL one primary-key read per call, so each node sees
 * every other node's committed writes on its next request (db/engines/postgres/serving-reads.ts).
 */
export async function changeCount(client: ServingClient = servingClient()): Promise<number> {
  return servingReadsOf(client).changeCount();
}

/**
 * Lets the page cache in server/serve.mjs, which runs outside the app's bundles, read the
 * counter through this process's connection (called once at start, from instrumentation.ts).
 */
export function publishChangeCount(): void {
  (globalThis as unknown as Record<symbol, () => Promise<number>>)[CHANGE_COUNT] = () => changeCount();
}
