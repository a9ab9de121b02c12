/**
 * An engine-neutral description of a database schema, as far as the data-access layer relies
 * on it: what the schema-drift test compares between SQLite and PostgreSQL.
 */

/** The JavaScript-visible class of a column, whatever the engine stores it as. */
export type TypeClass = "integer" | "real" | "text" | "boolean" | "timestamp" | `unknown:${string}`;

export type ColumnShape = { type: TypeClass; notNull: boolean };

export type IndexShape = {
  unique: boolean;
  /** Column names, or normalised expressions (see normaliseSql). */
  columns: string[];
  /** Normalised predicate of a partial index. */
  where: string | null;
};

export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  /** `from_cols -> table(to_cols) on delete <action>`, sorted. */
  foreignKeys: string[];
};

export type SchemaShape = Record<string, TableShape>;

/**
 * Makes the two engines' renderings of one SQL fragment equal: SQLite keeps the text as
 * written (backticks), PostgreSQL deparses it (double quotes, extra parentheses).
 */
export function normaliseSql(fragment: string): string {
  return fragment.toLowerCase().replace(/["`()\s]/g, "");
}

/** `set null`, `SET NULL`, PostgreSQL's confdeltype letters: one spelling. */
export function normaliseAction(action: string): string {
  const letters: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };
  return letters[action] ?? action.toLowerCase();
}

export const foreignKey = (from: string[], table: string, to: string[], onDelete: string) =>
  `${from.join(",")} -> ${table}(${to.join(",")}) on delete ${normaliseAction(onDelete)}`;

/**
 * Every difference between two shapes, as sentences naming the table, column or index and what
 * each engine has. Empty when they agree.
 */
export function compareShapes(sqlite: SchemaShape, postgres: SchemaShape, names = { a: "SQLite", b: "PostgreSQL" }): string[] {
  const differences: string[] = [];
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const tableName of keys(sqlite, postgres)) {
    const a = sqlite[tableName];
    const b = postgres[tableName];
    if (!a || !b) {
      differences.push(`table ${tableName}: only on ${a ? names.a : names.b}`);
      continue;
    }
    for (const column of keys(a.columns, b.columns)) {
      const ca = a.columns[column];
      const cb = b.columns[column];
      if (!ca || !cb) differences.push(`column ${tableName}.${column}: only on ${ca ? names.a : names.b}`);
      else {
        if (ca.type !== cb.type) differences.push(`column ${tableName}.${column}: type ${ca.type} on ${names.a}, ${cb.type} on ${names.b}`);
        if (ca.notNull !== cb.notNull) differences.push(`column ${tableName}.${column}: ${ca.notNull ? "NOT NULL" : "nullable"} on ${names.a}, ${cb.notNull ? "NOT NULL" : "nullable"} on ${names.b}`);
      }
    }
    if (a.primaryKey.join(",") !== b.primaryKey.join(",")) {
      differences.push(`table ${tableName}: primary key (${a.primaryKey.join(", ")}) on ${names.a}, (${b.primaryKey.join(", ")}) on ${names.b}`);
    }
    for (const index of keys(a.indexes, b.indexes)) {
      const ia = a.indexes[index];
      const ib = b.indexes[index];
      if (!ia || !ib) differences.push(`index ${tableName}.${index}: only on ${ia ? names.a : names.b}`);
      else if (JSON.stringify(ia) !== JSON.stringify(ib)) {
        differences.push(`index ${tableName}.${index}: ${JSON.stringify(ia)} on ${names.a}, ${JSON.stringify(ib)} on ${names.b}`);
      }
    }
    for (const fk of a.foreignKeys.filter((k) => !b.foreignKeys.includes(k))) differences.push(`foreign key ${tableName}: ${fk}: only on ${names.a}`);
    for (const fk of b.foreignKeys.filter((k) => !a.foreignKeys.includes(k))) differences.push(`foreign key ${tableName}: ${fk}: only on ${names.b}`);
  }
  return differences;
}
