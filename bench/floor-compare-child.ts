/**
 * One side of bench/floor-compare.ts: measures the floor of the checkout it runs in (its cwd),
 * with that checkout's own bench/floor.ts and bench/routes.ts, on the desk DATABASE_URL names.
 * Usage (by the parent): tsx --conditions react-server <this file> <desk-summary.json> <budget-ms>
 * Prints one line of JSON, { routeKey: medianMs }, as its last line of output.
 * With FLOOR_CLOCK=cpu, the floor's clock is this process's CPU time (user + system) instead of
 * the wall clock: other work on the machine then lengthens a call only through shared caches
 * and the CPU's clock speed, not by taking the core away mid-call.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DeskSummary } from "./generate";
import type { FloorResult } from "./floor";
import type { BenchRoute } from "./routes";

// The two checkouts' modules differ in one way that matters here: before the engine split,
// measureFloor returned its results; after it, a promise of them. `await` takes both.
interface FloorModule {
  measureFloor(routes: readonly BenchRoute[], budgetMs: number): Record<string, FloorResult> | Promise<Record<string, FloorResult>>;
}
interface RoutesModule {
  benchRoutes(desk: DeskSummary): BenchRoute[];
}

async function main(): Promise<void> {
  const [summaryFile, budget] = process.argv.slice(2);
  if (!summaryFile || !budget) throw new Error("Usage: floor-compare-child.ts <desk-summary.json> <budget-ms>");
  if (process.env.FLOOR_CLOCK === "cpu") {
    // bench/floor.ts reads performance.now() for each call's time and for its budget.
    performance.now = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
  }
  const checkout = process.cwd();
  const load = (file: string) => import(pathToFileURL(path.join(checkout, "bench", file)).href);
  const { measureFloor } = (await load("floor.ts")) as FloorModule;
  const { benchRoutes } = (await load("routes.ts")) as RoutesModule;
  const desk = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as DeskSummary;
  const floor = await measureFloor(benchRoutes(desk), Number(budget));
  console.log(JSON.stringify(Object.fromEntries(Object.entries(floor).map(([key, r]) => [key, r.medianMs]))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
