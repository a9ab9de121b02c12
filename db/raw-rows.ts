import "server-only";
import type { Db, Tx } from "./client";
import { sqliteStatement } from "./engines/sqlite/gated-session";
import { ON_POSTGRES } from "./sql-dialect";

/**
 * A drizzle query's rows as arrays of column values in select order, without drizzle's mapping:
 * no object per row and no `Date` per timestamp (they stay milliseconds). For reads of
 * hundreds of thousands of rows (whole-desk reports), where that mapping cost more than
 * SQLite's reading. Conditions and parameters are still built with drizzle.
 *
 * On PostgreSQL the query runs through drizzle (its timestamps arrive as text, which only the
 * columns' mapping turns into instants); each row object's values, in select order, become the
 * array, with every `Date` as milliseconds, as SQLite gives them. `query` must be a flat select.
 */
export async function rawRows<Row extends unknown[]>(db: Db | Tx, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<Row[]> {
  if (ON_POSTGRES) {
    const rows = await (query as unknown as PromiseLike<Record<string, unknown>[]>);
    return rows.map((row) => Object.values(row).map((value) => (value instanceof Date ? value.getTime() : value))) as Row[];
  }
  const { sql, params } = query.toSQL();
  return (await sqliteStatement(db, sql)).raw().all(...params) as Row[];
}
