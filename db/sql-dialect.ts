import "server-only";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { TABLES_ENGINE } from "./schema";

/*
 * The few SQL spellings that differ between SQLite and PostgreSQL (issue 19), each behind one
 * function, so a data-access function is written once. Chosen by the engine of this process's
 * tables (db/schema/index.ts). Larger differences (full-text search, the raw-row readers) live
 * in db/engines/<engine>/.
 */

export const ON_POSTGRES = TABLES_ENGINE === "postgres";

/**
 * `column IN (ids)` with the ids bound as one parameter rather than one each: SQLite takes at
 * most 32,766 parameters in a statement, and a whole-desk report loads the timelines of every
 * claim (50,000 events at 10,000 claims). SQLite walks a JSON array (json_each) and probes the
 * column's index, as it does for a literal list; PostgreSQL takes an integer array (= ANY).
 */
export function inIds(column: SQLWrapper, ids: readonly number[]): SQL {
  return ON_POSTGRES ? sql`${column} = ANY(${sql.param([...ids])}::int[])` : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** True when `haystack` contains `needle` (SQLite's instr, PostgreSQL's strpos). */
export function containsText(haystack: SQLWrapper, needle: SQLWrapper | string): SQL {
  return ON_POSTGRES ? sql`strpos(${haystack}, ${needle}) > 0` : sql`instr(${haystack}, ${needle}) > 0`;
}

/** The larger of two values (SQLite's two-argument MAX, PostgreSQL's GREATEST). */
export function greatest(a: SQLWrapper, b: SQLWrapper): SQL {
  return ON_POSTGRES ? sql`GREATEST(${a}, ${b})` : sql`MAX(${a}, ${b})`;
}

/** The values of a group joined by line feeds (SQLite's group_concat, PostgreSQL's string_agg). */
export function joinLines(value: SQLWrapper): SQL {
  return ON_POSTGRES ? sql`string_agg(${value}, E'\\n')` : sql`group_concat(${value}, char(10))`;
}

/**
 * A planner hint naming the index SQLite must use (`INDEXED BY`), where its planner picked a
 * worse one on a large desk; PostgreSQL's planner, with statistics, needs none.
 */
export function indexedBy(index: string): SQL {
  return ON_POSTGRES ? sql`` : sql.raw(` INDEXED BY ${index}`);
}

/**
 * A timestamp column as milliseconds since the epoch, for raw SQL whose rows drizzle does not
 * map: SQLite stores the milliseconds; PostgreSQL's timestamptz would come back as a string
 * (int8 is parsed as a number process-wide, see open-postgres.ts).
 */
export function epochMs(column: SQLWrapper): SQL {
  return ON_POSTGRES ? sql`(extract(epoch from ${column}) * 1000)::bigint` : sql`${column}`;
}

/**
 * A join that keeps the left side as the outer loop: SQLite's `CROSS JOIN … ON` (its planner
 * never reorders a CROSS JOIN), where it otherwise scanned a large table for a few rows. On
 * PostgreSQL CROSS JOIN takes no ON; a plain join, its planner ordering it from statistics.
 */
export function joinInOrder(): SQL {
  return ON_POSTGRES ? sql.raw("JOIN") : sql.raw("CROSS JOIN");
}

/** An instant given in epoch milliseconds, to compare a timestamp column with in raw SQL. */
export function msInstant(ms: number): SQL {
  return ON_POSTGRES ? sql`to_timestamp(${ms}::double precision / 1000)` : sql`${ms}`;
}

/**
 * A column the planner must not search by index (SQLite's unary `+`, where its planner picked
 * an index that made the query slower); PostgreSQL's planner needs no such hint, and `+` is
 * no operator on its text.
 */
export function withoutIndex(column: SQLWrapper): SQL {
  return ON_POSTGRES ? sql`${column}` : sql`+${column}`;
}
