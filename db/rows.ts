/*
 * Reading one row, the same way on both engines (issue 19). drizzle's SQLite builders offer
 * `.get()`; PostgreSQL's do not, but every builder on both engines is awaitable for its rows.
 */

/** The first row a query returns, or undefined when it returns none. */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** The row a write `… RETURNING` changed, where the code has made sure the row exists: none is a bug, not an answer. */
export async function returnedRow<T>(query: PromiseLike<T[]>): Promise<T> {
  const row = (await query)[0];
  if (row === undefined) throw new Error("A write expected to return its row returned none: the row is gone or changed meanwhile.");
  return row;
}
