// autocannon drives the HTTP load: a Node load generator with HDR-histogram latency percentiles
// and a programmatic API, installed from npm like any dev tool, so the bench needs nothing else
// on the machine (no wrk or ab) and runs the same on a laptop and in CI.
import autocannon from "autocannon";
import { sampleResidentMemory } from "./server";

export interface HttpResult {
  medianMs: number;
  p99Ms: number;
  requestsPerSecond: number;
  requests: number;
  /** Non-2xx answers and socket errors: a broken route, so the bench exits non-zero. */
  failures: number;
  /** Requests still unanswered after the timeout: a route too slow for the load, reported, not an error. */
  timeouts: number;
}

export interface LoadOptions {
  durationSeconds: number;
  /** Concurrent connections for the throughput run (latency is measured with one). */
  connections: number;
}

/**
 * Two runs per route: one connection for latency (a request's own time, no queueing behind
 * others), then several for throughput (how many a second the one server process sustains).
 */
export async function measureRoute(url: string, options: LoadOptions): Promise<HttpResult> {
  await warmUp(url);
  const latency = await run(url, 1, options.durationSeconds);
  await drain(url);
  const throughput = await run(url, options.connections, options.durationSeconds);
  await drain(url);
  const runs = [latency, throughput];
  return {
    medianMs: latency.latency.p50,
    p99Ms: latency.latency.p99,
    requestsPerSecond: throughput.requests.average,
    requests: latency.requests.total + throughput.requests.total,
    failures: runs.reduce((sum, r) => sum + r.non2xx + r.errors - r.timeouts, 0),
    timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
  };
}

/**
 * autocannon stops at the end of its duration, but the server still owes the requests in
 * flight; one more request is answered only after those, so the next run starts on an idle server.
 */
async function drain(url: string): Promise<void> {
  await (await fetch(new URL("/api/health", url))).arrayBuffer();
}

/** A few requests first, so the route's code, the reader cache and SQLite's page cache are warm. A failing route shows in the runs' failure count. */
async function warmUp(url: string): Promise<void> {
  for (let i = 0; i < 5; i++) await (await fetch(url)).arrayBuffer();
}

function run(url: string, connections: number, durationSeconds: number, headers?: Record<string, string>): Promise<autocannon.Result> {
  // A generous timeout: an uncached tracker view at 100,000 claims on a busy machine takes seconds.
  return autocannon({ url, connections, duration: durationSeconds, timeout: 120, headers });
}

export interface ThroughputResult {
  requestsPerSecond: number;
  requests: number;
  /** Median latency under this load (queueing included), not a request's own time. */
  medianMs: number;
  failures: number;
  timeouts: number;
}

/**
 * Throughput alone (one run at `connections`, after the warm-up), with the request headers a
 * browser's first view sends that change the answer (Accept-Encoding): the serving-at-scale
 * rows compare the app, the bare ceiling and Varnish on the same request.
 *
 * A run of fixed length counts only the answers that arrive within it, so a view slower than
 * the run divided by the queue (an uncached article page, hundreds of milliseconds, behind 16
 * others) would count none. `byCount` runs a fixed number of requests instead (enough to
 * take about the run's length, judged from the warm-up, and at least two per connection)
 * and divides by the time they took.
 */
export async function measureThroughput(url: string, options: LoadOptions & { headers: Record<string, string>; byCount?: boolean; warmUpSeconds?: number }): Promise<ThroughputResult> {
  // A freshly started server (the all-cores rows) loads each route's code and compiles it on its
  // first views, in every process: load it for a while first, as the one-process rows were by
  // the route measurements before them, so both compare warm processes.
  if (options.warmUpSeconds) {
    await autocannon({ url, connections: options.connections, duration: options.warmUpSeconds, timeout: 120, headers: options.headers });
    await drain(url);
  }
  const warmUpMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: options.headers })).arrayBuffer();
    warmUpMs.push(performance.now() - started);
  }
  const started = performance.now();
  let result: autocannon.Result;
  if (options.byCount) {
    const amount = Math.max(2 * options.connections, Math.round((options.durationSeconds * 1000) / Math.max(1, median(warmUpMs))));
    result = await autocannon({ url, connections: options.connections, amount, timeout: 120, headers: options.headers });
  } else result = await run(url, options.connections, options.durationSeconds, options.headers);
  const seconds = (performance.now() - started) / 1000;
  await drain(url);
  return {
    requestsPerSecond: options.byCount ? result.requests.total / seconds : result.requests.average,
    requests: result.requests.total,
    medianMs: result.latency.p50,
    failures: result.non2xx + result.errors - result.timeouts,
    timeouts: result.timeouts,
  };
}

export interface DownloadResult {
  seconds: number[];
  medianSeconds: number;
  rows: number;
  bytes: number;
  rowsPerSecond: number;
  peakRssMb: number;
  baselineRssMb: number;
}

/** Timed single downloads of a large export, with the server's resident memory sampled while it answers. */
export async function measureDownload(url: string, serverPid: number, times: number): Promise<DownloadResult> {
  const seconds: number[] = [];
  let rows = 0;
  let bytes = 0;
  let peakRssMb = 0;
  const baseline = sampleResidentMemory(serverPid).stop();
  for (let i = 0; i < times; i++) {
    const memory = sampleResidentMemory(serverPid);
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    const elapsed = (performance.now() - started) / 1000;
    peakRssMb = Math.max(peakRssMb, memory.stop());
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
    seconds.push(elapsed);
    rows = csvRecords(body) - 1;
    bytes = Buffer.byteLength(body);
  }
  const medianSeconds = median(seconds);
  return { seconds, medianSeconds, rows, bytes, rowsPerSecond: rows / medianSeconds, peakRssMb, baselineRssMb: baseline };
}

/** Records of an RFC 4180 CSV: line breaks outside quoted cells (a rationale may hold line breaks of its own). */
export function csvRecords(csv: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) records++;
  }
  return csv.length > 0 && !csv.endsWith("\n") ? records + 1 : records;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
