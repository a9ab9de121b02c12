import { vi } from "vitest";
import { getDb } from "../db/client";

/**
 * How many SQL statements `run` sends to the database, counted where the engine receives them:
 * what the tests assert so that a page's cost does not grow with the desk.
 */
export async function countStatements(run: () => unknown): Promise<number> {
  const prepare = vi.spyOn(getDb().$client, "prepare");
  try {
    await run();
    return prepare.mock.calls.length;
  } finally {
    prepare.mockRestore();
  }
}
