import "server-only";
import { rederiveArticleBodies } from "../articles/rederive-bodies";
import type { Db } from "../client";
import { dataMigrations } from "../schema";

/**
 * Changes to stored rows that need the app's code, in the order they were written. Each runs
 * once: its name is recorded in data_migration (migration 0014) when it has finished. Each is
 * also idempotent, so one interrupted part-way simply runs again, from the start, on the next
 * migrate step.
 *
 * Why here and not in openDatabase (as backfillDerivedBodies still is): opening the database
 * should run no data backfill (issue 19), so tests, scripts and each worker that opens it pay
 * nothing. Why not an SQL migration: the new text comes from the app's Markdown/HTML parser.
 * The migrate step is `npm run db:migrate` (scripts/db-migrate.ts) and the server's start
 * (db/bootstrap.ts, from instrumentation.ts), before the demo seed and the first request.
 */
export const DATA_MIGRATIONS: ReadonlyArray<{ name: string; run: (db: Db) => void }> = [
  // Issue 16: hard-wrapped Chinese ("270\n亿美元") was stored as "270 亿美元"; re-derive with the line-joining rule.
  { name: "0014_cjk_line_joining", run: (db) => void rederiveArticleBodies(db) },
];

/** Runs the data migrations not yet recorded; returns the names it ran. */
export function runDataMigrations(db: Db, migrations = DATA_MIGRATIONS): string[] {
  const done = new Set(db.select({ name: dataMigrations.name }).from(dataMigrations).all().map((row) => row.name));
  const ran: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    migration.run(db);
    db.insert(dataMigrations).values({ name: migration.name }).onConflictDoNothing().run();
    ran.push(migration.name);
  }
  return ran;
}
