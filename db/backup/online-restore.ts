import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DESK_TAG } from "../cache-tags";
import { sqliteChangeCount } from "../engines/sqlite/serving-reads";
import { databaseFilename, openDatabase } from "../client";
import { runDataMigrations } from "../data-migrations/run-data-migrations";

export interface OnlineRestoreResult {
  source: string;
  destination: string;
  changeCount: number;
}

/**
 * More than any desk writes in the moment between reading the live counter and the copy
 * taking the live database's write lock: the restored counter must differ from every value
 * the live one had, or a process could keep serving a page it cached at that value.
 */
const COUNTER_GAP = 1000;

/**
 * Replaces the content of the live database at `databaseUrl` with an online backup (a file
 * `db:backup` wrote), while the app keeps running, in every process at once.
 *
 * The backup is first copied beside the live file (the backup itself is never changed),
 * migrated to this version's schema and checked, and its change counter (db/change-counter.ts)
 * is set past the live one. Then SQLite's backup API copies it into the live database under the
 * live database's write lock: a reader sees the old content or the new, never a mixture, and
 * every process's caches see the counter move, so the restored content shows on the very next
 * request everywhere.
 */
export async function restoreDatabase(databaseUrl: string, backupFile: string): Promise<OnlineRestoreResult> {
  const destination = databaseFilename(databaseUrl);
  if (destination === ":memory:") throw new Error("DATABASE_URL is an in-memory database: there is no file to restore into.");
  const source = path.resolve(backupFile);
  if (source === destination) throw new Error("The backup to restore is the database itself.");
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist.`);
  if (!fs.existsSync(destination)) throw new Error(`${destination} does not exist: start the app once to create it (or copy the backup there).`);

  const work = `${destination}.restoring`;
  removeDatabaseFiles(work);
  try {
    const backup = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(work);
    } finally {
      backup.close();
    }
    // Its own connection: migrations bring an older backup to this version's schema, then the
    // data migrations its data_migration table lacks bring its rows up to date, before the
    // copy goes live (opening runs no data migration).
    const copyDb = openDatabase(`file:${work}`);
    const copy = copyDb.$client;
    let restoredCount: number;
    try {
      const integrity = copy.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`The backup failed its integrity check: ${String(integrity)}`);
      await runDataMigrations(copyDb);
      const live = new Database(destination, { readonly: true, fileMustExist: true });
      let liveCount = 0;
      try {
        // A live database from before migration 0017 has no counter yet: nothing cached by one.
        const hasCounter = live.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_counter'").get() !== undefined;
        if (hasCounter) liveCount = sqliteChangeCount(live);
      } finally {
        live.close();
      }
      restoredCount = Math.max(sqliteChangeCount(copy), liveCount) + COUNTER_GAP;
      copy.prepare("UPDATE change_counter SET value = ? WHERE id = 1").run(restoredCount);
      // Every page may differ: the whole desk's tag changed at the new value (db/cache-tags.ts),
      // or caches would keep pages whose own tags the backup stamped long before.
      copy
        .prepare("INSERT INTO cache_tag_change (tag, changed_at) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET changed_at = excluded.changed_at")
        .run(DESK_TAG, restoredCount);
      copy.pragma("wal_checkpoint(TRUNCATE)");
      // All pages in one step, under one lock on the live database (a busy database is retried).
      await copy.backup(destination, { progress: () => 0x7fffffff });
    } finally {
      copy.close();
    }
    return { source, destination, changeCount: restoredCount };
  } finally {
    removeDatabaseFiles(work);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}
