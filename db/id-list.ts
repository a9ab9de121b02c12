import "server-only";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * `column IN (ids)` with the ids bound as one JSON array rather than one parameter each: SQLite
 * takes at most 32,766 parameters in a statement, and a whole-desk report loads the timelines
 * of every claim (50,000 events at 10,000 claims). SQLite walks the list and probes the
 * column's index, as it does for a literal list.
 */
export function inIds(column: SQLWrapper, ids: readonly number[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
