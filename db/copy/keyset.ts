import "server-only";
import { type Column, gt, type SQL, sql } from "drizzle-orm";

/**
 * The rows after `last` in primary-key order: `pk > ?`, or for a composite key the row value
 * `(a, b) > (?, ?)` (SQLite ≥ 3.15 and PostgreSQL both compare row values in order). Reading a
 * table by keyset costs the same for every batch; OFFSET makes each batch skip all the rows
 * before it again, which is quadratic in the table's size.
 *
 * `keyExpression` is how the ORDER BY spells the column (PostgreSQL compares text in "C"
 * collation, as SQLite does): the comparison must use the same order, or batches skip rows.
 */
export function keysetAfter(columns: Column[], last: unknown[], keyExpression: (column: Column) => SQL | Column = (c) => c): SQL {
  if (columns.length === 1) {
    const [column] = columns as [Column];
    const expression = keyExpression(column);
    return expression === column ? gt(column, last[0]) : sql`${expression} > ${sql.param(last[0], column)}`;
  }
  const keys = sql.join(columns.map(keyExpression), sql`, `);
  const values = sql.join(columns.map((column, i) => sql`${sql.param(last[i], column)}`), sql`, `);
  return sql`(${keys}) > (${values})`;
}
