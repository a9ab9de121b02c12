import "server-only";
import { type Column, type DrizzleEntityClass, getTableColumns, getTableName, is, SQL, type Table } from "drizzle-orm";
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

/** Converts rows from drizzle's property names (what select() returns) to the database column names the copier carries. */
export function columnNaming(table: Table) {
  const entries = Object.entries(getTableColumns(table)).map(([property, column]) => ({ property, column: column.name }));
  return {
    toCopyRow(row: Record<string, unknown>): CopyRow {
      const out: CopyRow = {};
      for (const { property, column } of entries) out[column] = row[property];
      return out;
    },
    columnsByName: new Map(Object.values(getTableColumns(table)).map((c) => [c.name, c] as const)),
  };
}

/**
 * A row's values as the database driver takes them, in `columns` order: each value through its
 * column's own mapToDriverValue (Date → ms or ISO text, boolean → 0/1, JSON → text), exactly as
 * drizzle's insert maps them (null stays null). The copier builds its INSERTs from these once per
 * table instead of having drizzle build a new statement for every batch.
 */
export function driverValues(table: Table) {
  const columns = Object.values(getTableColumns(table));
  return {
    columns: columns.map((c) => c.name),
    toDriver(row: CopyRow): unknown[] {
      return columns.map((column) => {
        if (!(column.name in row)) throw new Error(`Table ${getTableName(table)}: the source has no column ${column.name}.`);
        const value = row[column.name];
        if (value === null || value === undefined) return null;
        const mapped = column.mapToDriverValue(value);
        if (is(mapped, SQL)) throw new Error(`Table ${getTableName(table)}: column ${column.name} maps to SQL, which the copier cannot bind.`);
        return mapped;
      });
    },
  };
}

/**
 * An engine's schema module as a map from table name to drizzle table (`kind` is SQLiteTable or
 * PgTable), and a lookup that names the engine when a table is missing.
 */
export function tablesOfSchema<T extends Table>(schema: Record<string, unknown>, kind: DrizzleEntityClass<T>, engine: string) {
  const tables = new Map<string, T>();
  for (const value of Object.values(schema)) if (is(value, kind)) tables.set(getTableName(value), value);
  return {
    tables,
    named(name: string): T {
      const table = tables.get(name);
      if (!table) throw new Error(`${engine} has no table ${name} in its schema.`);
      return table;
    },
  };
}
