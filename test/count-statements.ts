import pg from "pg";
import { vi } from "vitest";
import { getDb } from "../db/client";
import { ON_POSTGRES } from "../db/sql-dialect";

/** Transaction control, which SQLite's handle runs outside prepared statements. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set transaction)\b/i;

/** The methods that run a better-sqlite3 statement (raw() and the like only switch its mode). */
const RUNS = ["run", "get", "all", "iterate"] as const;

/**
 * How many SQL statements `run` sends to the database, counted where the engine receives them:
 * what the tests assert so that a page's cost does not grow with the desk. SQLite: statements
 * run on the connection (not prepared: the gated session keeps prepared statements and runs
 * them again). PostgreSQL: queries sent by any client of the process. Both less transaction
 * control, so both engines count the same statements.
 */
export async function countStatements(run: () => unknown): Promise<number> {
  return (await statementsRun(run)).length;
}

/** The texts of the statements countStatements counts, in the order they ran. */
export async function statementsRun(run: () => unknown): Promise<string[]> {
  if (ON_POSTGRES) {
    const spy = vi.spyOn(pg.Client.prototype, "query");
    try {
      await run();
      return spy.mock.calls.map(([query]) => (typeof query === "string" ? query : ((query as { text?: string })?.text ?? ""))).filter((text) => !TRANSACTION_CONTROL.test(text));
    } finally {
      spy.mockRestore();
    }
  }
  const statementPrototype = Object.getPrototypeOf(getDb().$client.prepare("SELECT 1")) as Record<(typeof RUNS)[number], (...args: unknown[]) => unknown>;
  const spies = RUNS.map((method) => vi.spyOn(statementPrototype, method));
  try {
    await run();
    // Each spy's calls in order; across methods, the order is per method (enough for counting and naming).
    return spies.flatMap((spy) => (spy.mock.contexts as { source: string }[]).map((statement) => statement.source)).filter((text) => !TRANSACTION_CONTROL.test(text));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
