import "server-only";
import { asc, type Column, getTableName, type SQL, sql } from "drizzle-orm";
import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { ON_POSTGRES } from "../sql-dialect";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { type Db, getDb, type Tx } from "../client";
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupTableName, type BackupTables } from "./backup-format";
import { BACKUP_DRIZZLE_TABLES, ROW_KEYS } from "./backup-rows";

/*
 * The audit log is not exported. It records who did what in this installation, and an
 * import writes its own audit row instead of replaying another database's history; leaving
 * it out also keeps the round trip exact (an import always adds that one row). The log stays
 * in the database file itself: `npm run db:backup` copies it whole.
 */

/**
 * The drizzle tables a desk export reads, and whether they are PostgreSQL's. The app exports
 * its own engine's (ACTIVE_ENGINE); db:copy reads both sides of a copy in one process, so it
 * names the engine of each side (db/copy/*-engine.ts).
 */
export interface ExportTables {
  tables: typeof BACKUP_DRIZZLE_TABLES;
  onPostgres: boolean;
}

const ACTIVE_ENGINE: ExportTables = { tables: BACKUP_DRIZZLE_TABLES, onPostgres: ON_POSTGRES };

/**
 * The export's tables on an engine whose schema is not this process's (db:copy): each backed-up
 * table looked up by its SQL name in that engine's declarations. The schema-drift test keeps
 * their column names and JavaScript types the same as the SQLite declarations the types name.
 */
export function exportTablesOf(tableNamed: (name: string) => object, onPostgres: boolean): ExportTables {
  const tables = Object.fromEntries(BACKUP_TABLES.map((name) => [name, tableNamed(getTableName(BACKUP_DRIZZLE_TABLES[name]))]));
  return { tables: tables as typeof BACKUP_DRIZZLE_TABLES, onPostgres };
}

/**
 * A table's primary-key columns, read from its drizzle declaration (a column's own key, else
 * the table's composite key): rows are exported in this order, so the same data always gives
 * the same file.
 */
function primaryKeyColumns(table: SQLiteTable, onPostgres: boolean): Column[] {
  const config = onPostgres ? pgTableConfig(table as unknown as PgTable) : getTableConfig(table);
  const own: Column[] = config.columns.filter((column) => column.primary);
  return own.length > 0 ? own : (config.primaryKeys[0]?.columns ?? []);
}

/**
 * Ascending, text by code point as SQLite's BINARY collation sorts it: PostgreSQL's "C"
 * collation (UTF-8 byte order), not the database's locale, so both engines write one file.
 */
function byKey(column: Column, onPostgres: boolean): SQL {
  return onPostgres && column.dataType === "string" ? sql`${column} collate "C" asc` : asc(column);
}

/** A database row as the file holds it: only the format's columns, in its order, timestamps as ISO strings. */
function toBackupRow(table: BackupTableName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ROW_KEYS[table]) {
    const value = row[key];
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** Every backed-up table of a database, in file form. Also what an import compares a merge against. */
export async function readBackupTables(db: Db | Tx, engine: ExportTables = ACTIVE_ENGINE): Promise<BackupTables> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const name of BACKUP_TABLES) {
    const table = engine.tables[name];
    const rows = await db
      .select()
      .from(table)
      .orderBy(...primaryKeyColumns(table, engine.onPostgres).map((column) => byKey(column, engine.onPostgres))) as Record<string, unknown>[];
    tables[name] = rows.map((row) => toBackupRow(name, row));
  }
  return tables as BackupTables;
}

/** The file's text: 2-space indent and a trailing newline, so backups diff well and compare byte for byte. */
export function serializeBackup(tables: BackupTables): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, tables }, null, 2)}\n`;
}

/** An admin exports the whole editorial database as a versioned JSON backup. */
export async function exportBackup(actor: Actor | null | undefined): Promise<string> {
  const db = getDb();
  await authorize(db, actor, ADMIN_ROLES);
  // One read transaction: every table comes from the same snapshot while editors keep writing.
  const tables = await db.transaction(async (tx) => readBackupTables(tx));
  return serializeBackup(tables);
}
