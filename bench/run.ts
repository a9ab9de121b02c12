/**
 * `npm run bench`: generates a synthetic desk at each scale, then measures the reader routes
 * over HTTP against the production build (reader cache on and off), the same reads straight
 * from SQLite (the floor), a static file (the ceiling), the whole-desk CSV export, claim
 * suggestions on a long article, db:copy of the desk each way and the article page's first-load JavaScript. Writes
 * bench/results.json and bench/results.md. See README, "Benchmarks".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDatabase } from "../db/client";
import { measureCopies, startBenchCluster } from "./copy-timing";
import { firstLoadJs } from "./first-load-js";
import { measureFloor } from "./floor";
import { generateDesk } from "./generate";
import { type HttpResult, measureDownload, measureRoute } from "./measure";
import { parseOptions, type BenchOptions } from "./options";
import { measurePostgresRows } from "./postgres-rows";
import { writeReport } from "./report";
import type { BenchResults, ScaleResult } from "./results";
import { benchRoutes, CSV_EXPORT_PATH } from "./routes";
import { measureRow, measureRowsSideBySide, measureSharedCache, newScaleOut, parallelSpeedup, recordPages, startCeiling } from "./scale-out";
import { type BenchServer, startServer, stopEveryStartedProcess } from "./server";
import { timeSuggestions } from "./suggest-timing";
import { evaluateTargets } from "./targets";
import type { PostgresCluster } from "../test/postgres/cluster";

const running = new Set<BenchServer>();
const temporaryDirs = new Set<string>();
let cluster: PostgresCluster | { error: string } | undefined;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.rewriteOnly) {
    const stored = JSON.parse(fs.readFileSync(path.join(options.outDir, "results.json"), "utf8")) as BenchResults;
    writeReport({ ...stored, targets: evaluateTargets(stored) }, options.outDir);
    return;
  }
  const loadAverageAtStart = os.loadavg();
  ensureBuild();

  const firstLoad = firstLoadJs();
  console.log(`First-load JS of ${firstLoad.route}: ${(firstLoad.totalGzipBytes / 1000).toFixed(1)} kB gzipped.`);
  const suggestions = timeSuggestions();
  console.log(`Suggestions over ${suggestions.characters.toLocaleString("en")} characters: ${suggestions.medianMs.toFixed(0)} ms median.`);

  // One throwaway PostgreSQL cluster for the run: db:copy writes each scale's desk into it and the PostgreSQL rows read that copy.
  cluster = await startBenchCluster();
  if ("error" in cluster) console.log(`No PostgreSQL cluster: ${cluster.error}`);
  const scales: ScaleResult[] = [];
  try {
    for (const claims of options.scales) scales.push(await benchScale(claims, options, cluster));
  } finally {
    if (!("error" in cluster)) await cluster.stop();
    cluster = undefined;
  }

  const partial: Omit<BenchResults, "targets"> = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageAtStart, node: process.versions.node },
    options,
    firstLoadJs: firstLoad,
    suggestions,
    scales,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  writeReport(results, options.outDir);
  // A PostgreSQL route that fails is recorded in its row, not a failed run: the port is still in progress (issue 19).
  const failed = scales.flatMap((s) => [
    ...[...Object.entries(s.cached), ...Object.entries(s.uncached)].filter(([, r]) => r.failures > 0).map(([key]) => `${key} @ ${s.claims}`),
    ...(s.scaleOut?.rows ?? []).flatMap((row) => Object.entries(row.pages).filter(([, r]) => "error" in r || r.failures > 0).map(([key]) => `${key} (${row.setup}) @ ${s.claims}`)),
  ]);
  if (failed.length > 0) {
    console.error(`Requests failed on: ${failed.join(", ")}.`);
    process.exitCode = 1;
  }
}

function ensureBuild(): void {
  const result = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("The production build failed.");
}

async function benchScale(claims: number, options: BenchOptions, cluster: PostgresCluster | { error: string }): Promise<ScaleResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimline-bench-${claims}-`));
  if (!options.keepDatabases) temporaryDirs.add(dir);
  const file = path.join(dir, "claimline.db");
  try {
    console.log(`\n== ${claims.toLocaleString("en")} claims ==`);
    // openDatabase applies the app's migrations (and the default scale) before anything is written.
    const db = openDatabase(`file:${file}`);
    const desk = generateDesk(db.$client, { claims, seed: options.seed });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
    const databaseMb = fs.statSync(file).size / 1e6;
    console.log(`Generated ${desk.articles} articles, ${desk.mentions} mentions, ${desk.events} events in ${(desk.generateMs / 1000).toFixed(1)} s (${databaseMb.toFixed(0)} MB).`);
    const routes = benchRoutes(desk);

    const onSqlite = options.engines.includes("sqlite");
    let floor: ScaleResult["floor"] = {};
    if (onSqlite) {
      process.env.DATABASE_URL = `file:${file}`;
      await closeDb();
      floor = await measureFloor(routes, options.floorBudgetMs);
      await closeDb();
      for (const route of routes.filter((r) => floor[r.key])) console.log(`floor     ${route.label}: ${floor[route.key]!.medianMs.toFixed(2)} ms median`);
    }

    // db:copy of this desk, before the servers start (they would compete for the two cores). Its
    // PostgreSQL copy is the desk the PostgreSQL rows below are measured on.
    const copyStarted = performance.now();
    const { timings: copy, postgresDesk } = await measureCopies(file, dir, cluster, `bench_desk_${claims}`);
    console.log(`db:copy rows took ${((performance.now() - copyStarted) / 1000).toFixed(0)} s of this scale's run.`);

    let postgres: ScaleResult["postgres"];
    if (options.engines.includes("postgres")) {
      if (postgresDesk) {
        postgres = await measurePostgresRows(postgresDesk, routes, options, (url, env, measure) => withService(() => startServer({ databaseUrl: url, env }), measure));
        console.log(`PostgreSQL rows took ${postgres.seconds.toFixed(0)} s of this scale's run (CI budget: about 120 s at --duration 2).`);
      } else {
        const copyError = copy.find((t) => t.direction === "sqlite-postgres");
        postgres = { error: `no PostgreSQL desk: ${copyError && "error" in copyError ? copyError.error : "db:copy did not run"}` };
        console.log(`PostgreSQL rows not measured: ${postgres.error.slice(0, 300)}`);
      }
    }
    if (!onSqlite) {
      if (options.keepDatabases) console.log(`Kept the database: ${file}${postgresDesk ? ` (its PostgreSQL copy went with the cluster)` : ""}`);
      return { claims, desk, databaseMb, routes, floor, cached: {}, uncached: {}, copy, postgres };
    }

    const cached: Record<string, HttpResult> = {};
    let csv: ScaleResult["csv"];
    const { result: scaleOut } = newScaleOut(routes, options);
    const allCores = scaleOut.allCoresConnections;
    // What the serving-at-scale rows add to the run, printed and kept: CI allows them about a minute.
    let scaleOutSeconds = 0;
    // A page that fails while these rows record or load it ends these rows, not the run: the
    // error goes into the section's note and the run still fails (exit code 1).
    const timed = async (work: () => Promise<void>) => {
      const started = performance.now();
      try {
        await work();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`Serving at scale failed: ${message.slice(0, 300)}`);
        scaleOut.sharedCache.note ??= `serving at scale failed: ${message.slice(0, 300)}`;
        process.exitCode = 1;
      }
      scaleOutSeconds += (performance.now() - started) / 1000;
    };
    await withServer(file, {}, async (server) => {
      // The export first, on a fresh server, so its peak memory is the export's and not what rendering pages left behind.
      try {
        csv = await measureDownload(server.baseUrl + CSV_EXPORT_PATH, server.serverPid, options.csvRuns);
        console.log(`CSV export: ${csv.rows} events in ${csv.medianSeconds.toFixed(2)} s, peak RSS ${csv.peakRssMb.toFixed(0)} MB.`);
      } catch (error) {
        csv = { error: (error as Error).message };
        console.log(`CSV export failed: ${csv.error.slice(0, 300)}`);
      }
      for (const route of routes) cached[route.key] = await measureLogged(server, route.path, route.label, "cached", options);
      // The true ceiling: the same bytes from a bare Node server, measured page by page beside the app (idle while the other runs).
      await timed(async () => {
        const recorded = await recordPages(scaleOut, server);
        await withService(
          () => startCeiling(recorded, dir),
          (ceiling) =>
            measureRowsSideBySide(
              scaleOut,
              [
                { setup: "app-1-cached", processes: 1, baseUrl: server.baseUrl, connections: options.connections },
                { setup: "ceiling", processes: 1, baseUrl: ceiling.baseUrl, connections: options.connections },
              ],
              options,
            ),
        );
        if (scaleOut.processes > 1) await measureRow(scaleOut, { setup: "app-1-cached-all-cores", processes: 1, baseUrl: server.baseUrl, connections: allCores }, options);
      });
    });

    const uncached: Record<string, HttpResult> = {};
    await withServer(file, { READER_CACHE: "0" }, async (server) => {
      for (const route of routes.filter((r) => r.readerCached)) uncached[route.key] = await measureLogged(server, route.path, route.label, "uncached", options);
      await timed(async () => {
        scaleOut.cpuSpeedup = await parallelSpeedup(scaleOut.processes);
        console.log(`CPU: ${scaleOut.processes} busy loops at once do ${scaleOut.cpuSpeedup.toFixed(2)} × the work of one on this machine now.`);
      });
      await timed(() => measureRow(scaleOut, { setup: "app-1-uncached", processes: 1, baseUrl: server.baseUrl, connections: scaleOut.uncachedConnections }, options));
    });
    // One process per core, as `npm start` runs by default; Varnish in front of those, as deployed.
    const processes = scaleOut.processes;
    await timed(async () => {
      await withServer(file, {}, async (server) => {
        if (processes > 1) await measureRow(scaleOut, { setup: "app-n-cached", processes, baseUrl: server.baseUrl, connections: allCores }, options);
        await measureSharedCache(scaleOut, server, options, running);
      }, processes);
      const uncachedConnections = scaleOut.uncachedConnections;
      if (processes > 1) await withServer(file, { READER_CACHE: "0" }, (server) => measureRow(scaleOut, { setup: "app-n-uncached", processes, baseUrl: server.baseUrl, connections: uncachedConnections }, options), processes);
    });
    scaleOut.seconds = Math.round(scaleOutSeconds);
    console.log(`Serving at scale took ${scaleOut.seconds} s of this scale's run (CI budget: about 60 s at --duration 2).`);
    if (options.keepDatabases) console.log(`Kept the database: ${file}`);
    return { claims, desk, databaseMb, routes, floor, cached, uncached, csv: csv!, scaleOut, copy, postgres };
  } finally {
    if (!options.keepDatabases) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measureLogged(server: BenchServer, routePath: string, label: string, mode: string, options: BenchOptions): Promise<HttpResult> {
  const result = await measureRoute(server.baseUrl + routePath, { durationSeconds: options.durationSeconds, connections: options.connections });
  console.log(`${mode.padEnd(9)} ${label}: ${result.medianMs.toFixed(1)} ms median, ${result.p99Ms.toFixed(1)} ms p99, ${result.requestsPerSecond.toFixed(1)} req/s${result.failures ? `, ${result.failures} FAILED` : ""}${result.timeouts ? `, ${result.timeouts} timed out` : ""}`);
  return result;
}

async function withServer(file: string, env: Record<string, string>, measure: (server: BenchServer) => Promise<void>, processes?: number): Promise<void> {
  await withService(() => startServer({ databaseUrl: `file:${file}`, env, processes }), measure);
}

async function withService(start: () => Promise<BenchServer>, measure: (server: BenchServer) => Promise<void>): Promise<void> {
  const server = await start();
  running.add(server);
  try {
    await measure(server);
  } finally {
    running.delete(server);
    await server.stop();
  }
}

// Never leave a server or a database behind: stop the servers this run started on Ctrl-C or a crash.
async function stopAll(code: number): Promise<never> {
  await Promise.all([...running].map((s) => s.stop()));
  await stopEveryStartedProcess();
  if (cluster && !("error" in cluster)) await cluster.stop();
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(130));
process.on("SIGTERM", () => void stopAll(143));

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll(1);
});
