import "server-only";
import { backfillDerivedBodies } from "../articles/backfill-derived";
import { givePinyinSlugs } from "../articles/pinyin-slugs";
import { rederiveArticleBodies } from "../articles/rederive-bodies";
import type { Db, Tx } from "../client";
import { dataMigrations } from "../schema";
import type { ArticleScope } from "./article-scope";

export interface DataMigration {
  name: string;
  /**
   * Changes the rows that need it among `scope`'s articles and returns the ids it changed.
   * Idempotent: it finds what needs changing from the rows themselves, so it can run again after
   * an interruption, and on a restored backup's rows whatever data_migration says.
   */
  run: (db: Db | Tx, scope: ArticleScope) => Promise<number[]>;
}

/**
 * Changes to stored rows that need the app's code, in the order they run. Each runs once on a
 * database: its name is recorded in data_migration (migration 0014) when it has finished. A
 * backup import runs all of them on the articles it wrote (importBackup), since a backup's rows
 * can be as old as the Claimline that wrote it.
 *
 * Why here and not in openDatabase: opening the database runs no data backfill (issue 19), so
 * tests, scripts and each worker that opens it pay nothing, and db/client.ts imports no article
 * code (which imports db/client.ts back). Why not SQL migrations: the new values come from the
 * app's Markdown/HTML parser and pinyin-pro. The migrate step is `npm run db:migrate`
 * (scripts/db-migrate.ts) and the server's start (db/bootstrap.ts, from instrumentation.ts),
 * before the demo seed and the first request; an online restore runs it on the copy it restores.
 */
export const DATA_MIGRATIONS: readonly DataMigration[] = [
  // Migration 0002 (workbench): bodies saved before they were parsed get their document and text.
  // Ran on every open until issue 19. First, so the steps after it see derived text.
  { name: "0002_derived_bodies", run: backfillDerivedBodies },
  // Issue 16: hard-wrapped Chinese ("270\n亿美元") was stored as "270 亿美元"; re-derive with the line-joining rule.
  { name: "0014_cjk_line_joining", run: rederiveArticleBodies },
  // Migration 0015 (issue 17's pinyin slugs): Chinese slugs become pinyin, the old ones redirect.
  // Ran on every open until issue 19.
  { name: "0015_pinyin_slugs", run: givePinyinSlugs },
];

/** Runs, over the whole database, the data migrations not yet recorded; returns the names it ran. */
export async function runDataMigrations(db: Db, migrations: readonly DataMigration[] = DATA_MIGRATIONS): Promise<string[]> {
  const done = new Set((await db.select({ name: dataMigrations.name }).from(dataMigrations)).map((row) => row.name));
  const ran: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.run(db, "all");
    await db.insert(dataMigrations).values({ name: migration.name }).onConflictDoNothing();
    ran.push(migration.name);
  }
  return ran;
}

/**
 * Runs every data migration on the articles a backup import has just written, inside the
 * import's transaction (all or nothing). Returns, per migration that changed any, the ids it
 * changed. data_migration is not consulted: it says what this database's own rows have had,
 * not what the backup's rows have.
 */
export async function runDataMigrationsOnImported(tx: Tx, articleIds: readonly number[], migrations: readonly DataMigration[] = DATA_MIGRATIONS): Promise<Record<string, number[]>> {
  const changed: Record<string, number[]> = {};
  if (articleIds.length === 0) return changed;
  for (const migration of migrations) {
    const ids = await migration.run(tx, articleIds);
    if (ids.length > 0) changed[migration.name] = ids;
  }
  return changed;
}
