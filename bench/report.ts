import fs from "node:fs";
import path from "node:path";
import type { BenchResults, ScaleResult } from "./results";

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
    ...results.scales.map((s: ScaleResult) =>
      "error" in s.csv
        ? [s.claims.toLocaleString("en"), `failed: ${s.csv.error.slice(0, 200)}`, "", "", "", "", ""]
        : [
            s.claims.toLocaleString("en"),
            s.csv.rows.toLocaleString("en"),
            fmt(s.csv.bytes / 1e6),
            s.csv.seconds.map((x) => fmt(x, 2)).join(", "),
            Math.round(s.csv.rowsPerSecond).toLocaleString("en"),
            fmt(s.csv.baselineRssMb, 0),
            fmt(s.csv.peakRssMb, 0),
          ],
    ),
  ];
}

function markdownTable(rows: Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const [header, ...body] = rows;
  return [header!, header!.map(() => "---"), ...body].map((r) => `| ${r.map(escape).join(" | ")} |`).join("\n");
}

function textTable(rows: Row[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) => r.map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length)).join("  ")).join("\n");
}

function markdown(results: BenchResults): string {
  const o = results.options;
  const findingsFile = path.join(process.cwd(), "bench", "findings.md");
  const findings = fs.existsSync(findingsFile) ? fs.readFileSync(findingsFile, "utf8").trim() : "";
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

## The generated desks

${markdownTable(deskRows(results))}

## Whole-desk CSV export (\`/api/v1/reports/desk/events.csv\`)

${markdownTable(csvRows(results))}

Peak RSS is the server process's VmRSS, sampled every 50 ms during each download; the export is measured first on a freshly started server, so "before" is an idle server's memory.

## First-load JavaScript of \`${results.firstLoadJs.route}\`

${markdownTable([["Chunk", "gzip bytes"], ...results.firstLoadJs.files.map((f) => [f.file, f.gzipBytes.toLocaleString("en")]), ["Total", results.firstLoadJs.totalGzipBytes.toLocaleString("en")]])}
${findings ? `\n${findings}\n` : ""}`;
}
