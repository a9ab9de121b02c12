import { getTableName, is, SQL, type Column } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DeclaredClasses } from "./sqlite-shape";
import { normaliseAction, normaliseSql } from "./shape";

/**
 * The drizzle declarations of one engine as facts (`column claim.readable` → `boolean not null
 * default`), so the two engines' declarations can be compared fact by fact: same tables,
 * columns, JavaScript data types, nullability, defaults, enums, keys and indexes.
 */
export type DeclarationFacts = Map<string, string>;

type AnyTableConfig = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>;

const pgDialect = new PgDialect();
const sqliteDialect = new SQLiteSyncDialect();

/** The JavaScript type a column is read as. JSON kept as text is `json-text` on both engines. */
function dataType(column: Column): string {
  const sqlType = column.getSQLType();
  if (column.dataType === "json" && sqlType === "text") return "json-text"; // SQLite text({ mode: "json" })
  // PostgreSQL's jsonText (db/engines/postgres/schema/columns.ts) is the only custom column.
  if (column.columnType === "PgCustomColumn" && sqlType === "text") return "json-text";
  return column.dataType;
}

function tablesOf(module: Record<string, unknown>): (PgTable | SQLiteTable)[] {
  return Object.values(module).filter((value): value is PgTable | SQLiteTable => is(value, PgTable) || is(value, SQLiteTable));
}

function render(part: unknown, engine: "pg" | "sqlite"): string {
  if (is(part, SQL)) return normaliseSql((engine === "pg" ? pgDialect : sqliteDialect).sqlToQuery(part).sql);
  return (part as { name: string }).name;
}

export function declarationFacts(module: Record<string, unknown>, engine: "pg" | "sqlite"): DeclarationFacts {
  const facts: DeclarationFacts = new Map();
  for (const table of tablesOf(module)) {
    const config: AnyTableConfig = is(table, PgTable) ? pgTableConfig(table) : sqliteTableConfig(table as SQLiteTable);
    const name = config.name;
    facts.set(`table ${name}`, "declared");
    for (const column of config.columns as Column[]) {
      const traits = [
        dataType(column),
        column.notNull || column.primary ? "not null" : "nullable",
        column.primary ? "primary key" : "",
        column.isUnique ? `unique ${column.uniqueName ?? ""}` : "",
        column.hasDefault ? "default" : "",
        column.enumValues?.length ? `enum ${column.enumValues.join("|")}` : "",
      ];
      facts.set(`column ${name}.${column.name}`, traits.filter(Boolean).join(" "));
    }
    for (const pk of config.primaryKeys) facts.set(`primary key ${name}`, pk.columns.map((c) => c.name).join(","));
    for (const index of config.indexes) {
      const { name: indexName, unique, columns, where } = index.config;
      facts.set(`index ${name}.${indexName}`, `${unique ? "unique " : ""}(${columns.map((c) => render(c, engine)).join(", ")})${where ? ` where ${render(where, engine)}` : ""}`);
    }
    for (const fk of config.foreignKeys) {
      const reference = fk.reference();
      facts.set(
        `foreign key ${name}(${reference.columns.map((c) => c.name).join(",")})`,
        `${getTableName(reference.foreignTable)}(${reference.foreignColumns.map((c) => c.name).join(",")}) on delete ${normaliseAction(fk.onDelete ?? "no action")}`,
      );
    }
    for (const check of config.checks) facts.set(`check ${name}.${check.name}`, "declared");
  }
  return facts;
}

export function compareFacts(a: DeclarationFacts, b: DeclarationFacts, names = { a: "SQLite", b: "PostgreSQL" }): string[] {
  const differences: string[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const va = a.get(key);
    const vb = b.get(key);
    if (va === undefined || vb === undefined) differences.push(`${key}: declared only on ${va === undefined ? names.b : names.a}`);
    else if (va !== vb) differences.push(`${key}: "${va}" on ${names.a}, "${vb}" on ${names.b}`);
  }
  return differences;
}

/** Which SQLite integer columns the declarations read as Dates or booleans (keyed `table.column`). */
export function sqliteDeclaredClasses(module: Record<string, unknown>): DeclaredClasses {
  const classes: DeclaredClasses = new Map();
  for (const table of tablesOf(module)) {
    if (!is(table, SQLiteTable)) continue;
    const config = sqliteTableConfig(table);
    for (const column of config.columns) {
      if (column.dataType === "date") classes.set(`${config.name}.${column.name}`, "timestamp");
      if (column.dataType === "boolean") classes.set(`${config.name}.${column.name}`, "boolean");
    }
  }
  return classes;
}
