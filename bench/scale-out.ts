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
  /** Connections of the 1-vs-N rows: 8 per process, so N processes have work queued for each. */
  allCoresConnections: number;
  pages: ScaleOutPage[];
  rows: ScaleOutRow[];
  sharedCache: { vcl: string | null; note: string | null; hitOnRepeat: Record<string, boolean> };
}

export function newScaleOut(routes: readonly BenchRoute[], options: BenchOptions): { result: ScaleOutResult; routes: BenchRoute[] } {
  const processes = os.availableParallelism();
  const pageRoutes = SCALE_OUT_PAGES.map((key) => routes.find((r) => r.key === key)!);
  return {
    routes: pageRoutes,
    result: {
      processes,
      allCoresConnections: Math.max(options.connections, 8 * processes),
      pages: pageRoutes.map((r) => ({ key: r.key, label: r.label, path: r.path, bytes: 0, contentEncoding: null, cacheControl: null })),
      rows: [],
      sharedCache: { vcl: null, note: null, hitOnRepeat: {} },
    },
  };
}

/** Measures every page at `connections` against `baseUrl`, logging as run.ts does, into a row. */
export async function measureRow(scaleOut: ScaleOutResult, setup: ScaleOutSetup, processes: number, baseUrl: string, connections: number, options: BenchOptions): Promise<void> {
  const row: ScaleOutRow = { setup, processes, connections, pages: {} };
  for (const page of scaleOut.pages) {
    try {
      const result = await measureThroughput(baseUrl + page.path, { connections, durationSeconds: options.durationSeconds, headers: SCALE_OUT_REQUEST_HEADERS });
      row.pages[page.key] = result;
      console.log(`${setup.padEnd(22)} ${page.label}: ${result.requestsPerSecond.toFixed(1)} req/s at ${connections} connections${result.failures ? `, ${result.failures} FAILED` : ""}`);
    } catch (error) {
      row.pages[page.key] = { error: (error as Error).message };
      console.log(`${setup.padEnd(22)} ${page.label}: failed: ${(error as Error).message}`);
    }
  }
  scaleOut.rows.push(row);
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
    await measureRow(scaleOut, "shared-cache", scaleOut.processes, varnish.baseUrl, options.connections, options);
  } finally {
    running.delete(varnish);
    await varnish.stop();
  }
}
