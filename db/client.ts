import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./db-types";
import * as schema from "./schema";
import { ensureDefaultStatuses } from "./statuses/ensure-default-statuses";

export type { Db, Tx } from "./db-types";

export const DEFAULT_DATABASE_URL = "file:./data/claimline.db";
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

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
 * Opens a database, sets the pragmas Claimline relies on, applies pending schema migrations and
 * installs the default status scale. Data migrations are not run here (runDataMigrations).
 */
export function openDatabase(url: string): Db {
  const filename = databaseFilename(url);
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(filename), { recursive: true });
  // DEBUG_SQL=1 prints every statement: a quick way to see what a request costs.
  const sqlite = new Database(filename, process.env.DEBUG_SQL === "1" ? { verbose: (sql) => console.log(`[sql] ${String(sql).slice(0, 160)}`) } : {});
  // WAL lets readers proceed while an editor writes; the busy timeout makes concurrent
  // writers wait instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // The default status scale is configuration every new database needs, in-memory test ones
  // included (they never run the migrate step); existing rows are left alone. It is not a data
  // backfill: those are data migrations (db/data-migrations/), run once by the migrate step.
  ensureDefaultStatuses(db);
  return db;
}

// One connection per process. Kept on globalThis so that Next's hot reload in development
// does not open a new connection for every edit.
const holder = globalThis as unknown as { __claimlineDb?: Db };

export function getDb(): Db {
  holder.__claimlineDb ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  return holder.__claimlineDb;
}

/** Closes the process's connection; the next getDb() opens DATABASE_URL afresh (used by tests and scripts). */
export function closeDb(): void {
  holder.__claimlineDb?.$client.close();
  holder.__claimlineDb = undefined;
}
