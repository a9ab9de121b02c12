import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type pg from "pg";

/**
 * Runs one SQL script on both engines, so a test can assert that PostgreSQL's triggers keep
 * exactly what SQLite's do. Scripts are plain SQL both engines speak; `NOW_MS` stands for the
 * current time, which SQLite stores as epoch milliseconds and PostgreSQL as a timestamptz.
 */
export const NOW = "NOW_MS";

export function migratedSqlite(): Database.Database {
  const sqlite = new Database(":memory:");
  migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  return sqlite;
}

export function runOnSqlite(sqlite: Database.Database, statement: string): Record<string, unknown>[] {
  const text = statement.replaceAll(NOW, String(Date.now()));
  const prepared = sqlite.prepare(text);
  return prepared.reader ? (prepared.all() as Record<string, unknown>[]) : (prepared.run(), []);
}

export async function runOnPostgres(client: pg.Client, statement: string): Promise<Record<string, unknown>[]> {
  return (await client.query(statement.replaceAll(NOW, "now()"))).rows as Record<string, unknown>[];
}

/** SQLite answers booleans as 0/1 and counts as numbers; PostgreSQL as booleans and bigints-as-strings: one form. */
export function sameForm(rows: Record<string, unknown>[], booleans: string[] = []): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        if (booleans.includes(key)) return [key, value === true || value === 1];
        if (typeof value === "string" && /^-?\d+$/.test(value) && key !== "tag") return [key, Number(value)];
        return [key, value];
      }),
    ),
  );
}
