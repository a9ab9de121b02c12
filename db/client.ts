import "server-only";
import path from "node:path";
import type { OpenDb } from "./db-types";
import { openSqlite } from "./engines/sqlite/open-sqlite";

export type { Db, OpenDb, Tx } from "./db-types";

export const DEFAULT_DATABASE_URL = "file:./data/claimline.db";

/**
 * Resolves DATABASE_URL to a better-sqlite3 filename. Accepts `file:relative/or/absolute.db`,
 * a bare path, or `:memory:`. Other schemes are refused with a message naming what is supported,
 * so a later engine can claim its own URLs without a silent fallback here.
 */
export function databaseFilename(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file:")) return path.resolve(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    // PostgreSQL has its schema and migrations (db/engines/postgres/) and `npm run db:copy`, but
    // the data-access layer does not run on it yet: see docs/postgres-engine.md.
    const scheme = url.split(":")[0]!;
    const postgres = /^postgres(ql)?$/i.test(scheme) ? " The app does not run on PostgreSQL yet (docs/postgres-engine.md); npm run db:copy can already move a desk to it." : "";
    throw new Error(`DATABASE_URL scheme not supported: ${scheme}. Use file:./path/to/claimline.db (SQLite).${postgres}`);
  }
  return path.resolve(url);
}

/**
 * Opens a database: pragmas, pending schema migrations and the default status scale
 * (db/engines/sqlite/open-sqlite.ts). Data migrations are not run here (runDataMigrations).
 */
export function openDatabase(url: string): OpenDb {
  return openSqlite(databaseFilename(url));
}

// One connection per process. Kept on globalThis so that Next's hot reload in development
// does not open a new connection for every edit.
const holder = globalThis as unknown as { __claimlineDb?: OpenDb };

export function getDb(): OpenDb {
  holder.__claimlineDb ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  return holder.__claimlineDb;
}

/** Closes the process's connection; the next getDb() opens DATABASE_URL afresh (used by tests and scripts). */
export function closeDb(): void {
  holder.__claimlineDb?.$client.close();
  holder.__claimlineDb = undefined;
}
