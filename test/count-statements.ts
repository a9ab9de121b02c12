import pg from "pg";
import { vi } from "vitest";
import { getDb } from "../db/client";
import { ON_POSTGRES } from "../db/sql-dialect";

/** Transaction control, which SQLite's handle runs outside prepared statements. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set transaction)\b/i;

/**
 * How many SQL statements `run` sends to the database, counted where the engine receives them:
 * what the tests assert so that a page's cost does not grow with the desk. SQLite: statements
 * prepared on the connection. PostgreSQL: queries sent by any client of the process, less
 * transaction control, so both engines count the same statements.
 */
export async function countStatements(run: () => unknown): Promise<number> {
  const spy = ON_POSTGRES ? vi.spyOn(pg.Client.prototype, "query") : vi.spyOn(getDb().$client, "prepare");
  try {
    await run();
    return spy.mock.calls.filter(([query]) => !TRANSACTION_CONTROL.test(typeof query === "string" ? query : ((query as { text?: string })?.text ?? ""))).length;
  } finally {
    spy.mockRestore();
  }
}
