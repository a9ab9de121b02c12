import "server-only";
import { type Column, getTableColumns, getTableName, type Table } from "drizzle-orm";
import type { CopyRow, CopyTable } from "./copy-engine";

/** What both dialects' getTableConfig (sqlite-core, pg-core) return, as far as the copier reads it. */
export interface DrizzleTableConfig {
  name: string;
  columns: Column[];
  primaryKeys: { columns: Column[] }[];
  foreignKeys: { reference(): { foreignTable: Table } }[];
}

/** A drizzle table as the copier describes it on every engine: its name, columns, primary key and the tables it references. */
export function describeTable(config: DrizzleTableConfig): CopyTable {
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const primaryKey = single.length > 0 ? single : composite;
  if (primaryKey.length === 0) throw new Error(`Table ${config.name} has no primary key: the copier reads every table in primary-key order.`);
  const references = [...new Set(config.foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)))];
  return { name: config.name, columns: config.columns.map((c) => c.name), primaryKey, references };
}

/** Converts rows between drizzle's property names (what select() returns and insert() takes) and the database column names the copier carries. */
export function columnNaming(table: Table) {
  const entries = Object.entries(getTableColumns(table)).map(([property, column]) => ({ property, column: column.name }));
  return {
    toCopyRow(row: Record<string, unknown>): CopyRow {
      const out: CopyRow = {};
      for (const { property, column } of entries) out[column] = row[property];
      return out;
    },
    fromCopyRow(row: CopyRow): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const { property, column } of entries) {
        if (!(column in row)) throw new Error(`Table ${getTableName(table)}: the source has no column ${column}.`);
        out[property] = row[column];
      }
      return out;
    },
    columnsByName: new Map(Object.values(getTableColumns(table)).map((c) => [c.name, c] as const)),
  };
}
