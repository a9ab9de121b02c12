import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { BaseSQLiteDatabase, SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { OpenDb } from "../../db-types";
import * as schema from "../../schema/sqlite-tables";
import { GatedSQLiteSession, registerHandle } from "./gated-session";
import { DEFAULT_STATUSES } from "../../../lib/status-scale";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Opens a SQLite file (or `:memory:`), sets the pragmas Claimline relies on, applies pending
 * schema migrations and installs the default status scale, all synchronously, then hands back
 * the asynchronous handle the data-access layer uses. Data migrations are not run here.
 */
export function openSqlite(filename: string): OpenDb {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(filename), { recursive: true });
  // DEBUG_SQL=1 prints every statement: a quick way to see what a request costs.
  const client = new Database(filename, process.env.DEBUG_SQL === "1" ? { verbose: (text) => console.log(`[sql] ${String(text).slice(0, 160)}`) } : {});
  // WAL lets readers proceed while an editor writes; the busy timeout makes concurrent
  // writers (other processes) wait instead of failing with SQLITE_BUSY.
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  client.pragma("synchronous = NORMAL");
  const opening = drizzle(client, { schema });
  migrate(opening, { migrationsFolder: MIGRATIONS_FOLDER });
  // The default status scale is configuration every new database needs, in-memory test ones
  // included; rows admins edited are left alone. Not a data backfill (db/data-migrations/).
  opening.insert(schema.statuses).values(DEFAULT_STATUSES.map((s) => ({ ...s }))).onConflictDoNothing().run();
  return asyncHandle(client);
}

/** The asynchronous drizzle handle over an open connection (db/engines/sqlite/gated-session.ts). */
export function asyncHandle(client: Database.Database): OpenDb {
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const dialect = new SQLiteAsyncDialect();
  const session = new GatedSQLiteSession(client, dialect, relational);
  const db = new BaseSQLiteDatabase("async", dialect, session, relational) as OpenDb;
  db.$client = client;
  registerHandle(db, session as never);
  return db;
}
