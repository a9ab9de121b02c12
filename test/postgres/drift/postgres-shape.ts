import type pg from "pg";
import { foreignKey, normaliseSql, type IndexShape, type SchemaShape, type TypeClass } from "./shape";

function typeClass(dataType: string): TypeClass {
  switch (dataType) {
    case "integer":
    case "bigint":
    case "smallint":
      return "integer";
    case "text":
    case "character varying":
      return "text";
    case "double precision":
    case "real":
      return "real";
    case "boolean":
      return "boolean";
    case "timestamp with time zone":
      return "timestamp";
    default:
      return `unknown:${dataType}`;
  }
}

/** The shape of every table in the `public` schema, except those in `skip` (engine-only objects). */
export async function postgresShape(client: pg.Client, skip: (table: string) => boolean): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { table_name: table } of tables.rows) {
    if (skip(table)) continue;
    shape[table] = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };
  }
  for (const c of columns.rows) {
    const table = shape[c.table_name];
    if (table) table.columns[c.column_name] = { type: typeClass(c.data_type), notNull: c.is_nullable === "NO" };
  }

  // Index columns one by one: pg_get_indexdef(index, k) renders column k, or its expression.
  const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[]; predicate: string | null }>(
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns,
            pg_get_expr(x.indpred, x.indrelid, true) AS predicate
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public'`,
  );
  for (const index of indexes.rows) {
    const table = shape[index.table];
    if (!table) continue;
    if (index.primary) {
      table.primaryKey = index.columns;
      continue;
    }
    const described: IndexShape = { unique: index.unique, columns: index.columns.map(normaliseSql), where: index.predicate ? normaliseSql(index.predicate) : null };
    table.indexes[index.name] = described;
  }

  const foreignKeys = await client.query<{ table: string; from: string[]; target: string; to: string[]; on_delete: string }>(
    `SELECT t.relname AS table, r.relname AS target, c.confdeltype AS on_delete,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS from,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS to
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const fk of foreignKeys.rows) {
    shape[fk.table]?.foreignKeys.push(foreignKey(fk.from, fk.target, fk.to, fk.on_delete));
  }
  for (const table of Object.values(shape)) table.foreignKeys.sort();
  return shape;
}
