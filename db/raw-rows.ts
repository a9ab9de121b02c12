import "server-only";
import type { Db, Tx } from "./client";
import { sqliteClient } from "./engines/sqlite/gated-session";

/**
 * A drizzle query's rows as arrays of column values in select order, without drizzle's mapping:
 * no object per row and no `Date` per timestamp (they stay milliseconds). For reads of
 * hundreds of thousands of rows (whole-desk reports), where that mapping cost more than
 * SQLite's reading. Conditions and parameters are still built with drizzle.
 */
export async function rawRows<Row extends unknown[]>(db: Db | Tx, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<Row[]> {
  const { sql, params } = query.toSQL();
  return (await sqliteClient(db)).prepare(sql).raw().all(...params) as Row[];
}
