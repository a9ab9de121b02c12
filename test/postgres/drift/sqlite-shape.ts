import type Database from "better-sqlite3";
import { foreignKey, normaliseSql, type IndexShape, type SchemaShape, type TypeClass } from "./shape";

/**
 * What SQLite stores as an integer can be a number, a Date (`timestamp_ms`) or a boolean: only
 * the drizzle declarations say which, so they refine the stored type. Keyed `table.column`.
 */
export type DeclaredClasses = Map<string, TypeClass>;

function typeClass(declaredType: string, refined: TypeClass | undefined): TypeClass {
  const type = declaredType.toLowerCase();
  if (type === "integer" || type === "int" || type === "bigint") return refined === "timestamp" || refined === "boolean" ? refined : "integer";
  if (type === "text") return "text";
  if (type === "real" || type === "double") return "real";
  return `unknown:${type}`;
}

/** Splits `a, (b IS NULL), c` at the commas outside parentheses. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

/** Columns (or expressions) and predicate of `CREATE [UNIQUE] INDEX name ON table (…) [WHERE …]`. */
function parseIndexSql(sql: string): { columns: string[]; where: string | null } {
  const open = sql.indexOf("(");
  let depth = 0;
  let close = open;
  for (let i = open; i < sql.length; i++) {
    if (sql[i] === "(") depth++;
    if (sql[i] === ")" && --depth === 0) {
      close = i;
      break;
    }
  }
  const where = /\bwhere\b([\s\S]*)$/i.exec(sql.slice(close + 1));
  return { columns: splitTopLevel(sql.slice(open + 1, close)).map(normaliseSql), where: where?.[1] ? normaliseSql(where[1]) : null };
}

type TableInfo = { name: string; type: string; notnull: number; pk: number };
type IndexList = { name: string; unique: number; origin: string };
type ForeignKeyRow = { id: number; seq: number; table: string; from: string; to: string; on_delete: string };

/** The shape of every table of an SQLite database except those in `skip` (engine-only objects). */
export function sqliteShape(sqlite: Database.Database, declared: DeclaredClasses, skip: (table: string) => boolean): SchemaShape {
  const shape: SchemaShape = {};
  const tables = sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  for (const { name: table } of tables) {
    if (skip(table)) continue;
    const info = sqlite.prepare<[string], TableInfo>(`SELECT * FROM pragma_table_info(?)`).all(table);
    const columns: SchemaShape[string]["columns"] = {};
    for (const c of info) {
      // A primary key column is never null, whether or not its declaration says NOT NULL.
      columns[c.name] = { type: typeClass(c.type, declared.get(`${table}.${c.name}`)), notNull: c.notnull === 1 || c.pk > 0 };
    }
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);

    const indexes: Record<string, IndexShape> = {};
    for (const index of sqlite.prepare<[string], IndexList>(`SELECT * FROM pragma_index_list(?)`).all(table)) {
      if (index.origin === "pk") continue; // compared as the primary key
      const sql = sqlite.prepare<[string], { sql: string | null }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index.name)?.sql;
      if (!sql) throw new Error(`index ${index.name} on ${table} has no CREATE INDEX statement (an inline UNIQUE?): declare it as a named index`);
      indexes[index.name] = { unique: index.unique === 1, ...parseIndexSql(sql) };
    }

    const rows = sqlite.prepare<[string], ForeignKeyRow>(`SELECT * FROM pragma_foreign_key_list(?)`).all(table);
    const foreignKeys = [...new Set(rows.map((r) => r.id))].map((id) => {
      const parts = rows.filter((r) => r.id === id).sort((a, b) => a.seq - b.seq);
      return foreignKey(
        parts.map((p) => p.from),
        parts[0]!.table,
        parts.map((p) => p.to),
        parts[0]!.on_delete,
      );
    });
    shape[table] = { columns, primaryKey, indexes, foreignKeys: foreignKeys.sort() };
  }
  return shape;
}
