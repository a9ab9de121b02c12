import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureThroughput, type ThroughputResult } from "./measure";
import type { BenchOptions } from "./options";
import { type RecordedResponse, recordResponse } from "./record";
import type { BenchRoute } from "./routes";
import { type BenchServer, freePort, startService } from "./server";
import { isVarnishHit, sharedCacheVcl, startVarnish, VARNISHD } from "./shared-cache";

/**
 * Serving at scale (issue 18): the cached article and tracker pages measured against the true
 * ceiling (a bare Node server sending the same bytes), through Varnish, and with the app as one
 * process and as one per core, cached and uncached. Every row sends the same request, with
 * `Accept-Encoding: gzip` as browsers and shared caches do, so every row is sent the same bytes.
 */
export const SCALE_OUT_PAGES = ["article", "tracker"] as const;
export const SCALE_OUT_REQUEST_HEADERS = { "accept-encoding": "gzip" };

export type ScaleOutSetup = "ceiling" | "app-1-cached" | "shared-cache" | "app-1-cached-all-cores" | "app-n-cached" | "app-1-uncached" | "app-n-uncached";

export interface ScaleOutPage {
  key: string;
  label: string;
  path: string;
  /** Bytes of the body as sent for the request above. */
  bytes: number;
  contentEncoding: string | null;
  cacheControl: string | null;
}

export interface ScaleOutRow {
  setup: ScaleOutSetup;
  processes: number;
  connections: number;
  pages: Record<string, ThroughputResult | { error: string }>;
}

export interface ScaleOutResult {
  /** N: os.availableParallelism() on the machine that ran the bench. */
  processes: number;
  /** Connections of the cached 1-vs-N rows: 8 per process, so N processes have work queued for each. */
  allCoresConnections: number;
  /**
   * Connections of the uncached 1-vs-N rows: 2 per process. A render is CPU-bound, so one
   * rendering and one waiting keep a process busy, and the runs are counted (measure.ts), so
   * each connection costs run time.
   */
  uncachedConnections: number;
  pages: ScaleOutPage[];
  rows: ScaleOutRow[];
  sharedCache: { vcl: string | null; note: string | null; hitOnRepeat: Record<string, boolean> };
  /** Wall time these rows added to the run (servers started for them included). */
  seconds?: number;
  /** N busy loops' work over one's, measured just before the uncached rows (parallelSpeedup). */
  cpuSpeedup?: number;
}

export function newScaleOut(routes: readonly BenchRoute[], options: BenchOptions): { result: ScaleOutResult; routes: BenchRoute[] } {
  const processes = os.availableParallelism();
  const pageRoutes = SCALE_OUT_PAGES.map((key) => routes.find((r) => r.key === key)!);
  return {
    routes: pageRoutes,
    result: {
      processes,
      allCoresConnections: Math.max(options.connections, 8 * processes),
      uncachedConnections: 2 * processes,
      pages: pageRoutes.map((r) => ({ key: r.key, label: r.label, path: r.path, bytes: 0, contentEncoding: null, cacheControl: null })),
      rows: [],
      sharedCache: { vcl: null, note: null, hitOnRepeat: {} },
    },
  };
}

export interface RowTarget {
  setup: ScaleOutSetup;
  processes: number;
  baseUrl: string;
  connections: number;
}

/** Measures every page at `connections` against `baseUrl`, logging as run.ts does, into a row. */
export async function measureRow(scaleOut: ScaleOutResult, target: RowTarget, options: BenchOptions): Promise<void> {
  await measureRowsSideBySide(scaleOut, [target], options);
}

/**
 * Several setups page by page, back to back (the app, then the ceiling, for the article page,
 * then for the tracker): on a machine others share, load drifts over a run, and a ratio of two
 * runs seconds apart drifts less than one of runs a minute apart.
 */
export async function measureRowsSideBySide(scaleOut: ScaleOutResult, targets: readonly RowTarget[], options: BenchOptions): Promise<void> {
  const rows = targets.map((t): ScaleOutRow => ({ setup: t.setup, processes: t.processes, connections: t.connections, pages: {} }));
  for (const page of scaleOut.pages) {
    for (const [i, target] of targets.entries()) {
      const { setup, baseUrl, connections } = target;
      try {
        // Uncached views take longer than a short run divided by the queue: counted, not timed (measure.ts).
        const byCount = setup === "app-1-uncached" || setup === "app-n-uncached";
        const warmUpSeconds = setup === "app-n-cached" || setup === "app-n-uncached" ? Math.min(2, options.durationSeconds) : undefined;
        const result = await measureThroughput(baseUrl + page.path, { connections, durationSeconds: options.durationSeconds, headers: SCALE_OUT_REQUEST_HEADERS, byCount, warmUpSeconds });
        rows[i]!.pages[page.key] = result;
        console.log(`${setup.padEnd(22)} ${page.label}: ${result.requestsPerSecond.toFixed(1)} req/s at ${connections} connections${result.failures ? `, ${result.failures} FAILED` : ""}`);
      } catch (error) {
        rows[i]!.pages[page.key] = { error: (error as Error).message };
        console.log(`${setup.padEnd(22)} ${page.label}: failed: ${(error as Error).message}`);
      }
    }
  }
  scaleOut.rows.push(...rows);
}

/** Records each page once as the app sends a hit (after a warm-up view), for the ceiling server. */
export async function recordPages(scaleOut: ScaleOutResult, app: BenchServer): Promise<RecordedResponse[]> {
  const recorded: RecordedResponse[] = [];
  for (const page of scaleOut.pages) {
    await recordResponse(app.baseUrl, page.path, SCALE_OUT_REQUEST_HEADERS);
    const response = await recordResponse(app.baseUrl, page.path, SCALE_OUT_REQUEST_HEADERS);
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status} when recorded for the ceiling.`);
    Object.assign(page, { bytes: response.body.length, contentEncoding: response.headers["content-encoding"] ?? null, cacheControl: response.headers["cache-control"] ?? null });
    recorded.push(response);
  }
  return recorded;
}

/** The bare Node server (bench/ceiling-server.mjs) in its own process, answering with the recorded bytes. */
export async function startCeiling(recorded: readonly RecordedResponse[], dir: string): Promise<BenchServer> {
  const file = path.join(dir, "ceiling-recordings.json");
  fs.writeFileSync(file, JSON.stringify(recorded.map((r) => ({ path: r.path, status: r.status, headers: r.headers, body: r.body.toString("base64") }))));
  const port = await freePort(3600);
  return startService({
    command: process.execPath,
    args: [path.join(process.cwd(), "bench", "ceiling-server.mjs"), file, String(port)],
    baseUrl: `http://127.0.0.1:${port}`,
  });
}

/** The shared-cache row: Varnish in front of `app`, or a note saying why it was not measured. */
export async function measureSharedCache(scaleOut: ScaleOutResult, app: BenchServer, options: BenchOptions, running: Set<BenchServer>): Promise<void> {
  const vcl = sharedCacheVcl();
  scaleOut.sharedCache.vcl = vcl;
  if (!fs.existsSync(VARNISHD)) {
    scaleOut.sharedCache.note = `${VARNISHD} is not installed (apt-get install varnish)`;
    console.log(`shared-cache: not measured, ${scaleOut.sharedCache.note}.`);
    return;
  }
  const varnish = await startVarnish(app.baseUrl, path.join(process.cwd(), vcl!));
  running.add(varnish);
  try {
    for (const page of scaleOut.pages) {
      for (let i = 0; i < 2; i++) await (await fetch(varnish.baseUrl + page.path, { headers: SCALE_OUT_REQUEST_HEADERS })).arrayBuffer();
      const response = await fetch(varnish.baseUrl + page.path, { headers: SCALE_OUT_REQUEST_HEADERS });
      await response.arrayBuffer();
      scaleOut.sharedCache.hitOnRepeat[page.key] = isVarnishHit(response.headers);
    }
    await measureRow(scaleOut, { setup: "shared-cache", processes: scaleOut.processes, baseUrl: varnish.baseUrl, connections: options.connections }, options);
  } finally {
    running.delete(varnish);
    await varnish.stop();
  }
}

const BUSY_LOOP = "let x = 0; for (let i = 0; i < 1e8; i++) x = (x * 31 + i) | 0; if (x === 1) console.log(x);";

/**
 * How much more CPU work N processes get done than one on this machine right now: the same
 * busy loop in one process, then in N at once (N × time alone ÷ time together). On a machine
 * of its own with N real cores this is about N; virtual cores that share a physical one, or
 * other work on the machine, make it less, and the 1-vs-N target cannot beat it.
 */
export async function parallelSpeedup(processes: number): Promise<number> {
  const loops = async (count: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => spawn(process.execPath, ["-e", BUSY_LOOP], { stdio: "ignore" }).on("exit", resolve))));
    return performance.now() - started;
  };
  const alone = await loops(1);
  const together = await loops(processes);
  return (processes * alone) / together;
}
