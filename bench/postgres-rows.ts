/**
 * The reader rows on PostgreSQL (issue 19): the floor, the uncached and cached HTTP rows and the
 * whole-desk CSV export, measured on the copy of the generated desk that db:copy wrote into the
 * run's throwaway cluster, as the SQLite rows are on the desk itself. A route PostgreSQL cannot
 * serve yet (the port is in progress) keeps its row, with the error instead of a number.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { FloorOutcome } from "./floor-child";
import { FLOOR_RESULT_PREFIX } from "./floor-child";
import { type DownloadResult, type HttpResult, measureDownload, measureRoute } from "./measure";
import type { BenchOptions } from "./options";
import { type BenchRoute, CSV_EXPORT_PATH } from "./routes";
import type { BenchServer } from "./server";

export type RouteOutcome = HttpResult | { error: string };

export interface EngineRows {
  floor: Record<string, FloorOutcome>;
  cached: Record<string, RouteOutcome>;
  uncached: Record<string, RouteOutcome>;
  csv: DownloadResult | { error: string };
  /** What these rows added to the scale's run, server starts included. */
  seconds: number;
}

/** Everything the PostgreSQL rows need from the run: a way to start the app on a database URL. */
export type ServeOn = (databaseUrl: string, env: Record<string, string>, measure: (server: BenchServer) => Promise<void>) => Promise<void>;

export async function measurePostgresRows(databaseUrl: string, routes: readonly BenchRoute[], options: BenchOptions, serveOn: ServeOn): Promise<EngineRows> {
  const started = performance.now();
  const floor = await floorOn(databaseUrl, routes, options.floorBudgetMs);
  for (const route of routes.filter((r) => floor[r.key])) {
    const f = floor[route.key]!;
    console.log(`pg floor  ${route.label}: ${"error" in f ? `FAILED: ${f.error.slice(0, 200)}` : `${f.medianMs.toFixed(2)} ms median`}`);
  }
  const cached: Record<string, RouteOutcome> = {};
  const uncached: Record<string, RouteOutcome> = {};
  let csv: EngineRows["csv"] = { error: "not measured: the server did not start" };
  try {
    await serveOn(databaseUrl, {}, async (server) => {
      csv = await downloadOrError(server, options.csvRuns);
      for (const route of routes) cached[route.key] = await routeOrError(server, route, "pg cached", options);
    });
    await serveOn(databaseUrl, { READER_CACHE: "0" }, async (server) => {
      for (const route of routes.filter((r) => r.readerCached)) uncached[route.key] = await routeOrError(server, route, "pg uncached", options);
    });
  } catch (error) {
    // The server did not start (or died): every row not yet measured says why.
    const message = `server: ${error instanceof Error ? error.message : String(error)}`;
    console.log(`PostgreSQL server failed: ${message.slice(0, 500)}`);
    for (const route of routes) {
      cached[route.key] ??= { error: message };
      if (route.readerCached) uncached[route.key] ??= { error: message };
    }
    if ("error" in csv) csv = { error: message };
  }
  return { floor, cached, uncached, csv, seconds: (performance.now() - started) / 1000 };
}

/** measureRoute after one probe: a route that answers an error is recorded with it (and the server's last words) instead of timed. */
async function routeOrError(server: BenchServer, route: BenchRoute, mode: string, options: BenchOptions): Promise<RouteOutcome> {
  const url = server.baseUrl + route.path;
  const logFrom = server.output().length;
  try {
    const response = await fetch(url);
    const body = await response.text();
    if (!response.ok) {
      const error = `HTTP ${response.status}: ${serverError(server.output().slice(logFrom)) ?? body.slice(0, 200)}`;
      console.log(`${mode.padEnd(11)} ${route.label}: FAILED ${error.slice(0, 300)}`);
      return { error };
    }
    const result = await measureRoute(url, { durationSeconds: options.durationSeconds, connections: options.connections });
    console.log(`${mode.padEnd(11)} ${route.label}: ${result.medianMs.toFixed(1)} ms median, ${result.p99Ms.toFixed(1)} ms p99, ${result.requestsPerSecond.toFixed(1)} req/s${result.failures ? `, ${result.failures} FAILED` : ""}${result.timeouts ? `, ${result.timeouts} timed out` : ""}`);
    return result;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function downloadOrError(server: BenchServer, runs: number): Promise<EngineRows["csv"]> {
  const logFrom = server.output().length;
  try {
    const csv = await measureDownload(server.baseUrl + CSV_EXPORT_PATH, server.serverPid, runs);
    console.log(`pg CSV export: ${csv.rows} events in ${csv.medianSeconds.toFixed(2)} s, peak RSS ${csv.peakRssMb.toFixed(0)} MB.`);
    return csv;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const logged = serverError(server.output().slice(logFrom));
    console.log(`pg CSV export failed: ${message.slice(0, 300)}`);
    return { error: logged ? `${message.slice(0, 120)}; server: ${logged}` : message };
  }
}

/** The first error line the server printed (Next logs the thrown error with its message), without the stack. */
function serverError(log: string): string | undefined {
  const lines = log.split("\n");
  const line = lines.find((l) => /error/i.test(l) && !/^\s+at /.test(l));
  // Drizzle's "Failed query: <sql>" names the query; the driver's error, printed as its cause, names the problem.
  const cause = lines.find((l) => /\[cause\]:/.test(l));
  return [cause?.trim(), line?.trim()].filter(Boolean).join(" ← ").slice(0, 400) || undefined;
}

/** Runs bench/floor-child.ts on `databaseUrl` and reads its one line of results. */
function floorOn(databaseUrl: string, routes: readonly BenchRoute[], budgetMs: number): Promise<Record<string, FloorOutcome>> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--conditions", "react-server", "bench/floor-child.ts", JSON.stringify({ routes, budgetMs })], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(FLOOR_RESULT_PREFIX));
      if (line) return resolve(JSON.parse(line.slice(FLOOR_RESULT_PREFIX.length)) as Record<string, FloorOutcome>);
      const error = `floor process exited with code ${code}: ${(stderr || stdout).trim().split("\n").slice(0, 3).join(" ").slice(0, 400)}`;
      resolve(Object.fromEntries(routes.filter((r) => r.kind !== "static").map((r) => [r.key, { error }])));
    });
  });
}
