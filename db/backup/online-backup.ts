import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { refusePostgres } from "./sqlite-only";
import { databaseFilename } from "../client";

export interface OnlineBackupResult {
  source: string;
  destination: string;
  bytes: number;
}

/** data/backups/claimline-YYYYMMDD-HHMMSS.db, the time in UTC so names sort and never depend on the server's zone. */
export function defaultBackupPath(now = new Date(), cwd = process.cwd()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "").replace(/[-:]/g, "").replace("T", "-");
  return path.join(cwd, "data", "backups", `claimline-${stamp}.db`);
}

/**
 * Copies the live SQLite database at `databaseUrl` to `destination` with SQLite's online
 * backup API (better-sqlite3's `backup`): the copy is one consistent snapshot, WAL content
 * included, taken while the app keeps reading and writing. A plain file copy could catch
 * the main file and its WAL at different moments.
 *
 * The copy is written beside its destination as `.partial`, checked with
 * `PRAGMA integrity_check`, switched to a rollback journal (one self-contained file) and only
 * then renamed into place, so a file at the destination is always a complete backup.
 */
export async function backupDatabase(databaseUrl: string, destination = defaultBackupPath()): Promise<OnlineBackupResult> {
  refusePostgres(databaseUrl, "back up");
  const source = databaseFilename(databaseUrl);
  if (source === ":memory:") throw new Error("DATABASE_URL is an in-memory database: there is no file to back up.");
  const target = path.resolve(destination);
  if (target === source) throw new Error("The backup destination is the database itself.");
  if (fs.existsSync(target)) throw new Error(`${target} already exists: choose another path (backups are never overwritten).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  // Its own connection, without migrations: the backup must not change the live database.
  // fileMustExist, so a wrong DATABASE_URL fails instead of backing up a new empty file.
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(partial);
  } finally {
    live.close();
  }

  const copy = new Database(partial);
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`The backup copy failed its integrity check: ${String(integrity)}`);
    copy.pragma("journal_mode = DELETE");
  } catch (error) {
    copy.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  fs.renameSync(partial, target);
  return { source, destination: target, bytes: fs.statSync(target).size };
}
