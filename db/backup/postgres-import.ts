import "server-only";
import { getTableName, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import type { BackupTableName } from "./backup-format";
import { BACKUP_DRIZZLE_TABLES } from "./backup-rows";

/*
 * What a JSON import needs on PostgreSQL that SQLite does with one pragma (issue 19). SQLite
 * checks the import's foreign keys at commit (PRAGMA defer_foreign_keys); PostgreSQL's are not
 * DEFERRABLE, so each row must follow the rows it references. BACKUP_TABLES is already in
 * reference order across tables, and claim.current_status_event_id (the one reference back up
 * that order) has no foreign key on PostgreSQL; what is left are the references of a table to
 * itself, below.
 */

type Row = Record<string, unknown>;

/** A table's references to its own rows: a claim merged into a later claim, a correction of an event. */
const SELF_REFERENCES: Partial<Record<BackupTableName, string>> = { claim: "mergedIntoId", status_event: "correctsEventId" };

/**
 * The writes in an order PostgreSQL's immediate foreign-key checks accept: table by table as
 * planned, and within a table each row after the row of that table it references. Otherwise
 * the planned order is kept, so the triggers see the rows as SQLite's do.
 */
export function parentsFirst<W extends { table: BackupTableName; row: Row }>(writes: readonly W[]): W[] {
  const ordered: W[] = [];
  let i = 0;
  while (i < writes.length) {
    const table = writes[i]!.table;
    let end = i;
    while (end < writes.length && writes[end]!.table === table) end++;
    const group = writes.slice(i, end);
    const column = SELF_REFERENCES[table];
    ordered.push(...(column ? selfReferencesFirst(group, column) : group));
    i = end;
  }
  return ordered;
}

function selfReferencesFirst<W extends { row: Row }>(group: readonly W[], column: string): W[] {
  const byId = new Map(group.map((w) => [w.row.id, w]));
  const placed = new Set<W>();
  const ordered: W[] = [];
  const place = (write: W, path: Set<W>) => {
    if (placed.has(write) || path.has(write)) return;
    path.add(write);
    const parent = byId.get(write.row[column]);
    if (parent) place(parent, path);
    placed.add(write);
    ordered.push(write);
  };
  for (const write of group) place(write, new Set());
  return ordered;
}

/**
 * Moves each identity sequence of the imported tables past the highest id now in its table,
 * as db:copy does (db/copy/postgres-engine.ts): the rows came with their ids, which the
 * sequences did not hand out, and the next row the app adds must not collide with one. A
 * sequence already further (ids of deleted rows) stays where it is: an id is never reused.
 */
export async function moveSequencesPastImportedIds(tx: Tx, tables: ReadonlySet<BackupTableName>): Promise<void> {
  for (const name of tables) {
    const table = BACKUP_DRIZZLE_TABLES[name] as unknown as PgTable;
    for (const column of getTableConfig(table).columns.filter((c) => c.generatedIdentity !== undefined)) {
      const tableName = sql.identifier(getTableName(table));
      const columnName = sql.identifier(column.name);
      // The sequence's name is the catalog's, so it may be spliced into the statement.
      const sequence = (await tx.all<{ name: string }>(sql`SELECT pg_get_serial_sequence(${`"${getTableName(table)}"`}, ${column.name}) AS "name"`))[0]!.name;
      const [state] = await tx.all<{ highest: number | null; last: number; called: boolean }>(
        sql`SELECT (SELECT max(${columnName}) FROM ${tableName}) AS "highest", last_value AS "last", is_called AS "called" FROM ${sql.raw(sequence)}`,
      );
      const next = Math.max(Number(state!.highest ?? 0), state!.called ? Number(state!.last) : 0);
      if (next > 0) await tx.run(sql`SELECT setval(${sequence}::regclass, ${next}, true)`);
    }
  }
}
