import "server-only";
import path from "node:path";
import type { OpenDb } from "./db-types";
import { engineOfUrl } from "./engine-kind";
import { migratePostgres } from "./engines/postgres/migrate";
import { closePostgres, openPostgres } from "./engines/postgres/open-postgres";
import { openSqlite } from "./engines/sqlite/open-sqlite";
import { TABLES_ENGINE } from "./schema";

export type { Db, OpenDb, Tx } from "./db-types";

export const DEFAULT_DATABASE_URL = "file:./data/claimline.db";

/**
 * Resolves a SQLite DATABASE_URL to a better-sqlite3 filename. Accepts `file:relative/or/absolute.db`,
 * a bare path, or `:memory:`. PostgreSQL URLs are opened by openDatabase; other schemes are
 * refused with a message naming what is supported.
 */
export function databaseFilename(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file:")) return path.resolve(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    const scheme = url.split(":")[0]!;
    throw new Error(`DATABASE_URL scheme not supported: ${scheme}. Use file:./path/to/claimline.db (SQLite) or postgres://user:password@host:5432/database (PostgreSQL).`);
  }
  return path.resolve(url);
}

/**
 * Opens a database. SQLite: pragmas, pending schema migrations and the default status scale
 * (db/engines/sqlite/open-sqlite.ts). PostgreSQL: a connection pool; its migrations run in
 * prepareDatabase(), since they are asynchronous. Data migrations are run by neither
 * (runDataMigrations). The engine must be the one this process's tables were chosen for.
 */
export function openDatabase(url: string): OpenDb {
  const engine = engineOfUrl(url);
  if (engine !== TABLES_ENGINE) {
    throw new Error(`This process runs on ${TABLES_ENGINE === "postgres" ? "PostgreSQL" : "SQLite"} (DATABASE_URL when it started), so it cannot open a ${engine === "postgres" ? "PostgreSQL" : "SQLite"} database: start it with that DATABASE_URL instead.`);
  }
  return engine === "postgres" ? openPostgres(url) : openSqlite(databaseFilename(url));
}

/** The process's DATABASE_URL, or the embedded default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/**
 * Applies pending schema migrations to DATABASE_URL and installs the default status scale:
 * needed before first use on PostgreSQL (SQLite does it as it opens). Idempotent, and safe for
 * several app nodes starting at once (db/engines/postgres/migrate.ts).
 */
export async function prepareDatabase(): Promise<void> {
  if (engineOfUrl(databaseUrl()) === "postgres") await migratePostgres(databaseUrl());
  else getDb();
}

// One connection per process. Kept on globalThis so that Next's hot reload in development
// does not open a new connection for every edit.
const holder = globalThis as unknown as { __claimlineDb?: OpenDb };

export function getDb(): OpenDb {
  holder.__claimlineDb ??= openDatabase(databaseUrl());
  return holder.__claimlineDb;
}

/**
 * Closes the process's connection; the next getDb() opens DATABASE_URL afresh (used by tests
 * and scripts). SQLite closes at once; PostgreSQL's pool ends when the returned promise does.
 */
export function closeDb(): Promise<void> {
  const db = holder.__claimlineDb;
  holder.__claimlineDb = undefined;
  if (!db) return Promise.resolve();
  if (TABLES_ENGINE === "postgres") return closePostgres(db);
  db.$client.close();
  return Promise.resolve();
}
