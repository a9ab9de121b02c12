/**
 * The floor on the engine DATABASE_URL names, in a process of its own: the tables follow
 * DATABASE_URL when db/schema is first imported (db/schema/index.ts), so the bench's own
 * process, which opened the SQLite desk, cannot also read PostgreSQL. bench/postgres-rows.ts
 * starts it with the routes and the budget as JSON in argv[2]; it prints one line,
 * FLOOR_RESULT and the results as JSON, each route either measured or the error it raised.
 */
import { closeDb } from "../db/client";
import { type FloorResult, measureFloor } from "./floor";
import type { BenchRoute } from "./routes";

export const FLOOR_RESULT_PREFIX = "FLOOR_RESULT ";

export type FloorOutcome = FloorResult | { error: string };

async function main(): Promise<void> {
  const { routes, budgetMs } = JSON.parse(process.argv[2] ?? "{}") as { routes: BenchRoute[]; budgetMs: number };
  const results: Record<string, FloorOutcome> = {};
  // One route at a time, so a query the engine refuses fails its own row and not the others.
  for (const route of routes) {
    try {
      Object.assign(results, await measureFloor([route], budgetMs));
    } catch (error) {
      results[route.key] = { error: describe(error) };
    }
  }
  await closeDb();
  process.stdout.write(`\n${FLOOR_RESULT_PREFIX}${JSON.stringify(results)}\n`);
}

/** Drizzle wraps the driver's error as "Failed query: <sql>"; the driver's own message (the cause) says what went wrong, so it comes first. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  const query = error.message.replace(/^Failed query:\s*/, "").replace(/\s+/g, " ").trim();
  return cause ? `${cause} (in: ${query.slice(0, 160)})` : error.message;
}

if (process.argv[1]?.endsWith("floor-child.ts")) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
