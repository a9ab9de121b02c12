import fs from "node:fs";
import path from "node:path";
import { COPY_DIRECTIONS } from "./copy-timing";
import type { BenchResults, ScaleResult } from "./results";
import type { ScaleOutSetup } from "./scale-out";
import { VARNISHD } from "./shared-cache";
import { engineComparison } from "./report-engines";

/** Writes results.json and results.md and prints the tables. results.md ends with bench/findings.md, written by hand. */
export function writeReport(results: BenchResults, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, "results.md"), markdown(results));
  console.log(`\n${textTable(measurementRows(results))}\n\n${textTable(targetRows(results))}\n`);
  console.log(`Wrote ${path.join(outDir, "results.json")} and ${path.join(outDir, "results.md")}.`);
}

type Row = string[];

const fmt = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? "–" : n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function measurementRows(results: BenchResults): Row[] {
  const header = ["Claims", "Route", "Mode", "Median ms", "p99 ms", "Req/s", "÷ static req/s", "100k ÷ 1k median"];
  const rows: Row[] = [header];
  const smallest = results.scales.find((s) => s.claims === 1_000);
  for (const scale of results.scales) {
    const staticRps = scale.cached.static?.requestsPerSecond;
    for (const route of scale.routes) {
      const modes: [string, { medianMs: number; p99Ms: number; rps: number; failures?: number; timeouts?: number } | undefined][] = [
        ["floor (SQL only)", scale.floor[route.key] && { ...scale.floor[route.key]!, rps: scale.floor[route.key]!.opsPerSecond }],
        ["cached", scale.cached[route.key] && { ...scale.cached[route.key]!, rps: scale.cached[route.key]!.requestsPerSecond }],
        ["uncached", scale.uncached[route.key] && { ...scale.uncached[route.key]!, rps: scale.uncached[route.key]!.requestsPerSecond }],
      ];
      for (const [mode, m] of modes) {
        if (!m) continue;
        const base = mode === "floor (SQL only)" ? smallest?.floor[route.key]?.medianMs : mode === "cached" ? smallest?.cached[route.key]?.medianMs : smallest?.uncached[route.key]?.medianMs;
        const growth = scale.claims === 100_000 && base ? `${fmt(m.medianMs / base, 2)} ×` : "";
        const share = mode === "floor (SQL only)" || !staticRps ? "" : fmt(m.rps / staticRps, 3);
        const failures = (m.failures ? ` (${m.failures} failed)` : "") + (m.timeouts ? ` (${m.timeouts} timed out)` : "");
        rows.push([scale.claims.toLocaleString("en"), route.label, mode, fmt(m.medianMs), fmt(m.p99Ms), fmt(m.rps) + failures, share, growth]);
      }
    }
  }
  return rows;
}

function targetRows(results: BenchResults): Row[] {
  return [["Target", "Where", "Goal", "Measured", "Result"], ...results.targets.map((t) => [t.target, t.where, t.goal, t.measured, t.verdict === "pass" ? "pass" : t.verdict === "miss" ? "MISS" : "not measured"])];
}

function deskRows(results: BenchResults): Row[] {
  return [
    ["Claims", "Articles", "Mentions", "Status events", "Sources", "Database MB", "Generated in s", "Article measured", "Claim measured"],
    ...results.scales.map((s) => [
      s.claims.toLocaleString("en"),
      s.desk.articles.toLocaleString("en"),
      s.desk.mentions.toLocaleString("en"),
      s.desk.events.toLocaleString("en"),
      s.desk.sources.toLocaleString("en"),
      fmt(s.databaseMb, 0),
      fmt(s.desk.generateMs / 1000),
      s.desk.sampleArticleSlug,
      String(s.desk.sampleClaimId),
    ]),
  ];
}

function csvRows(results: BenchResults): Row[] {
  return [
    ["Claims", "Event rows", "MB", "Download s (each)", "Events/s (median)", "Server RSS before MB", "Peak RSS MB"],
    ...results.scales.flatMap((s: ScaleResult) =>
      !s.csv
        ? []
        : "error" in s.csv
        ? [[s.claims.toLocaleString("en"), `failed: ${s.csv.error.slice(0, 200)}`, "", "", "", "", ""]]
        : [[
            s.claims.toLocaleString("en"),
            s.csv.rows.toLocaleString("en"),
            fmt(s.csv.bytes / 1e6),
            s.csv.seconds.map((x) => fmt(x, 2)).join(", "),
            Math.round(s.csv.rowsPerSecond).toLocaleString("en"),
            fmt(s.csv.baselineRssMb, 0),
            fmt(s.csv.peakRssMb, 0),
          ]],
    ),
  ];
}

function copyRows(results: BenchResults): Row[] {
  const rows: Row[] = [["Claims", "Direction", "Rows", "Seconds", "Rows/s", "Desk export compared"]];
  for (const scale of results.scales) {
    for (const t of scale.copy ?? []) {
      const direction = COPY_DIRECTIONS[t.direction];
      if ("error" in t) rows.push([scale.claims.toLocaleString("en"), direction, `failed: ${t.error.slice(0, 160)}`, "", "", ""]);
      else rows.push([scale.claims.toLocaleString("en"), direction, t.rows.toLocaleString("en"), fmt(t.seconds), Math.round(t.rowsPerSecond).toLocaleString("en"), t.deskExport]);
    }
  }
  return rows;
}

const SETUP_NAMES: Record<ScaleOutSetup, string> = {
  ceiling: "bare Node server, same bytes (ceiling)",
  "app-1-cached": "app, 1 process, cached",
  "shared-cache": "Varnish in front of the app",
  "app-1-cached-all-cores": "app, 1 process, cached",
  "app-n-cached": "app, all cores, cached",
  "app-1-uncached": "app, 1 process, uncached",
  "app-n-uncached": "app, all cores, uncached",
};

/** The serving-at-scale rows: per page, the ceiling first, then each setup, with its share of the ceiling. */
function scaleOutRows(results: BenchResults): Row[] {
  const rows: Row[] = [["Claims", "Page", "Served by", "Processes", "Connections", "Req/s", "Median ms under load", "÷ ceiling"]];
  for (const scale of results.scales) {
    const out = scale.scaleOut;
    if (!out) continue;
    const order: ScaleOutSetup[] = ["ceiling", "app-1-cached", "shared-cache", "app-1-cached-all-cores", "app-n-cached", "app-1-uncached", "app-n-uncached"];
    for (const page of out.pages) {
      const ceiling = out.rows.find((r) => r.setup === "ceiling")?.pages[page.key];
      const ceilingRps = ceiling && !("error" in ceiling) ? ceiling.requestsPerSecond : undefined;
      for (const row of order.flatMap((setup) => out.rows.filter((r) => r.setup === setup))) {
        const m = row.pages[page.key];
        if (!m) continue;
        const name = SETUP_NAMES[row.setup];
        const label = `${page.label} (${(page.bytes / 1000).toFixed(1)} kB${page.contentEncoding ? ` ${page.contentEncoding}` : ""})`;
        if ("error" in m) rows.push([scale.claims.toLocaleString("en"), label, name, String(row.processes), String(row.connections), `failed: ${m.error.slice(0, 120)}`, "", ""]);
        else {
          const failures = (m.failures ? ` (${m.failures} failed)` : "") + (m.timeouts ? ` (${m.timeouts} timed out)` : "");
          rows.push([scale.claims.toLocaleString("en"), label, name, String(row.processes), String(row.connections), fmt(m.requestsPerSecond) + failures, fmt(m.medianMs, 0), ceilingRps ? fmt(m.requestsPerSecond / ceilingRps, 3) : ""]);
        }
      }
    }
  }
  return rows;
}

function scaleOutNotes(results: BenchResults): string {
  const out = results.scales.find((s) => s.scaleOut)?.scaleOut;
  if (!out) return "Not measured in this run.";
  const shared = out.sharedCache;
  const hits = Object.entries(shared.hitOnRepeat).map(([page, hit]) => `${page} ${hit ? "a hit" : "NOT a hit (passed to the app)"}`).join(", ");
  const headers = out.pages.map((p) => `${p.label}: \`${p.cacheControl ?? "no Cache-Control"}\``).join("; ");
  return `Every row sends \`Accept-Encoding: gzip\`, as browsers and shared caches do, and is sent the same bytes: the ceiling is a bare Node \`http\` server (\`bench/ceiling-server.mjs\`, its own process) answering with the status, headers and body the app sent for that page (recorded once, after a warm-up view), and doing nothing else. The all-cores servers are started for these rows, so each page is loaded for 2 s (unmeasured) before it is measured; the one-process rows run on servers the route measurements above have already warmed. "cached" and "uncached" (\`READER_CACHE=0\`) are the app as \`npm start\` runs it, with one process (\`server/serve.mjs\`) or one per core (${out.processes} here, \`scripts/start.mjs\` with \`WEB_CONCURRENCY\`). The cached 1-vs-${out.processes} rows use ${out.allCoresConnections} connections (8 per process) so that every process has requests queued; the uncached ones ${out.uncachedConnections} (2 per process: one render and one waiting keep a process busy) and count a fixed number of requests (about the run's length, at least 2 per connection) divided by the time they took, because a run of fixed length only counts the answers that arrive within it and an uncached article page queued behind others takes longer than a 2-second run; the ceiling, the one-process cached row of the target and Varnish use ${results.options.connections}. **The load generator (autocannon, one Node process) runs on the same ${results.machine.cpus} cores as the servers it loads**: at ${out.processes} app processes it takes CPU from them, so the all-cores rows understate what ${out.processes} processes serve on a machine of their own, and the ceiling is the ceiling of this machine with its load generator.${out.cpuSpeedup ? ` Just before the uncached rows, ${out.processes} busy loops at once did ${out.cpuSpeedup.toFixed(2)} × the work of one (\`parallelSpeedup\` in \`bench/scale-out.ts\`): what ${out.processes} processes can get from this machine at that moment, whatever the app does.` : ""}

Varnish (\`${VARNISHD}\`, \`-s malloc,64m\`) runs ${shared.vcl ? `\`${shared.vcl}\`` : "no VCL"} in front of the all-cores app${shared.note ? `: not measured, ${shared.note}` : `; the third view of each page was ${hits}`}. As sent by the app: ${headers}.`;
}

function markdownTable(rows: Row[]): string {
  if (rows.length < 2) return "Not measured in this run.";
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const [header, ...body] = rows;
  return [header!, header!.map(() => "---"), ...body].map((r) => `| ${r.map(escape).join(" | ")} |`).join("\n");
}

function textTable(rows: Row[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) => r.map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length)).join("  ")).join("\n");
}

/** The last run of bench/floor-compare.ts --write (issue 19: the SQLite floor before and after the engine split). */
export const FLOOR_COMPARE_FILE = path.join("bench", "floor-compare.md");

/** A hand-kept or separately generated part of results.md, or "" when there is none. */
function includedFile(file: string): string {
  const full = path.join(process.cwd(), file);
  return fs.existsSync(full) ? fs.readFileSync(full, "utf8").trim() : "";
}

function markdown(results: BenchResults): string {
  const o = results.options;
  const findings = includedFile(path.join("bench", "findings.md"));
  const floorCompare = includedFile(FLOOR_COMPARE_FILE);
  return `# Benchmark results

Generated by \`npm run bench\` on ${results.generatedAt}: ${results.machine.cpus} cores, Node ${results.machine.node}, load average ${results.machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" / ")} at the start.
Each route: ${o.durationSeconds} s with one connection (median and p99 latency), then ${o.durationSeconds} s with ${o.connections} connections (requests per second), after five warm-up requests.
"cached" is the server as it runs; "uncached" is the same server with \`READER_CACHE=0\` (every view a first view); the floor is the page's data-access calls in-process, without HTTP or rendering.
The server and the load generator share the machine, so compare numbers from the same run. Seed ${o.seed}.

## Targets

${markdownTable(targetRows(results))}

## Measurements

${markdownTable(measurementRows(results))}

"÷ static req/s" is the route's throughput over the static file's in the same run (the ceiling); "100k ÷ 1k median" compares the same route and mode at 100,000 and 1,000 claims. autocannon counts latency in whole milliseconds (0 is under 1 ms), and a route slower than the run leaves 0 req/s.

## SQLite | PostgreSQL

${engineComparison(results)}

## Serving at scale

${markdownTable(scaleOutRows(results))}

${scaleOutNotes(results)}

## The generated desks

${markdownTable(deskRows(results))}

## Whole-desk CSV export (\`/api/v1/reports/desk/events.csv\`)

${markdownTable(csvRows(results))}

Peak RSS is the server process's VmRSS, sampled every 50 ms during each download; the export is measured first on a freshly started server, so "before" is an idle server's memory.

## Moving a desk between databases (\`npm run db:copy\`)

${markdownTable(copyRows(results))}

Each copy is timed as \`npm run db:copy\` runs it: opening both databases (migrating the new target), reading the source in one snapshot, writing the target in one transaction with its triggers off, verifying every table's row count and digest (and, SQLite to SQLite, the desk export byte for byte) and committing. PostgreSQL is a throwaway cluster on the same machine (\`fsync=off\`), started by the bench; the PostgreSQL → SQLite row copies the desk the row before it wrote. Rows are all rows of all tables.

## First-load JavaScript of \`${results.firstLoadJs.route}\`

${markdownTable([["Chunk", "gzip bytes"], ...results.firstLoadJs.files.map((f) => [f.file, f.gzipBytes.toLocaleString("en")]), ["Total", results.firstLoadJs.totalGzipBytes.toLocaleString("en")]])}
${floorCompare ? `\n## SQLite floor before and after the engine split (\`bench/floor-compare.ts\`)\n\n${floorCompare}\n` : ""}${findings ? `\n${findings}\n` : ""}`;
}
