import type { FloorOutcome } from "./floor-child";
import type { DownloadResult } from "./measure";
import type { RouteOutcome } from "./postgres-rows";
import type { BenchResults, ScaleResult } from "./results";
import { TARGETS } from "./targets";

/**
 * results.md's "SQLite | PostgreSQL" section (issue 19): per scale, each reader route's floor,
 * cached and uncached rows on both engines side by side, then the CSV export, each beside the
 * target that applies to it. PostgreSQL reads db:copy's copy of the same desk.
 */
type Row = string[];
type Measured = { medianMs: number; p99Ms: number; rate: number; note: string } | { error: string } | undefined;

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");

function fromHttp(outcome: RouteOutcome | undefined): Measured {
  if (!outcome || "error" in outcome) return outcome;
  const note = (outcome.failures ? ` (${outcome.failures} failed)` : "") + (outcome.timeouts ? ` (${outcome.timeouts} timed out)` : "");
  return { medianMs: outcome.medianMs, p99Ms: outcome.p99Ms, rate: outcome.requestsPerSecond, note };
}

function fromFloor(outcome: FloorOutcome | undefined): Measured {
  if (!outcome || "error" in outcome) return outcome;
  return { medianMs: outcome.medianMs, p99Ms: outcome.p99Ms, rate: outcome.opsPerSecond, note: "" };
}

/** Median, p99 and rate as three cells; an error fills the first and leaves the others empty. */
function cells(m: Measured): string[] {
  if (!m) return ["not measured", "", ""];
  if ("error" in m) return [`failed: ${oneLine(m.error).slice(0, 220)}`, "", ""];
  return [fmt(m.medianMs, 2), fmt(m.p99Ms, 2), fmt(m.rate) + m.note];
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function ceilingOf(scale: ScaleResult, routeKey: string, kind: string, mode: "floor" | "cached" | "uncached"): string {
  if (routeKey === "static") return "the ceiling";
  if (mode === "cached" && scale.routes.find((r) => r.key === routeKey)?.readerCached) return `req/s ≥ ${TARGETS.cachedShareOfStatic} × static`;
  if (mode === "uncached" && kind === "tracker") return scale.claims === 100_000 ? `median ≤ ${TARGETS.uncachedTrackerMedianMs} ms` : `median ≤ ${TARGETS.uncachedTrackerMedianMs} ms at 100,000`;
  return "";
}

function routeRows(scale: ScaleResult): Row[] {
  const pg = scale.postgres && !("error" in scale.postgres) ? scale.postgres : undefined;
  const pgError = scale.postgres && "error" in scale.postgres ? { error: scale.postgres.error } : undefined;
  const rows: Row[] = [["Route", "Mode", "SQLite median ms", "SQLite p99 ms", "SQLite req/s", "PostgreSQL median ms", "PostgreSQL p99 ms", "PostgreSQL req/s", "PG ÷ SQLite median", "Ceiling"]];
  for (const route of scale.routes) {
    const modes: ["floor" | "cached" | "uncached", string, Measured, Measured][] = [
      ["floor", "floor (data only, ops/s)", fromFloor(scale.floor[route.key]), pgError ?? fromFloor(pg?.floor[route.key])],
      ["cached", "cached", fromHttp(scale.cached[route.key]), pgError ?? fromHttp(pg?.cached[route.key])],
      ["uncached", "uncached", fromHttp(scale.uncached[route.key]), pgError ?? fromHttp(pg?.uncached[route.key])],
    ];
    for (const [mode, label, sqlite, postgres] of modes) {
      if (mode === "floor" && route.kind === "static") continue;
      if (mode === "uncached" && !route.readerCached) continue;
      const ratio = sqlite && postgres && !("error" in sqlite) && !("error" in postgres) && sqlite.medianMs > 0 ? `${fmt(postgres.medianMs / sqlite.medianMs, 2)} ×` : "";
      rows.push([route.label, label, ...cells(sqlite), ...cells(postgres), ratio, ceilingOf(scale, route.key, route.kind, mode)]);
    }
  }
  return rows;
}

function csvCells(csv: DownloadResult | { error: string } | undefined): string[] {
  if (!csv) return ["not measured", "", "", ""];
  if ("error" in csv) return [`failed: ${oneLine(csv.error).slice(0, 220)}`, "", "", ""];
  return [csv.rows.toLocaleString("en"), csv.seconds.map((x) => fmt(x, 2)).join(", "), Math.round(csv.rowsPerSecond).toLocaleString("en"), `${fmt(csv.peakRssMb, 0)} (${fmt(csv.baselineRssMb, 0)} before)`];
}

function csvRow(scale: ScaleResult): Row[] {
  const pg = scale.postgres ? ("error" in scale.postgres ? { error: scale.postgres.error } : scale.postgres.csv) : undefined;
  return [
    ["Engine", "Event rows", "Download s (each)", "Events/s (median)", "Peak RSS MB", "Ceiling"],
    ["SQLite", ...csvCells(scale.csv), ""],
    ["PostgreSQL", ...csvCells(pg), ""],
  ].map((r, i) => (i === 0 ? r : [...r.slice(0, 5), `≥ ${TARGETS.csvEventsPerSecond.toLocaleString("en")} events/s, < ${TARGETS.csvPeakRssMb} MB (at 100,000)`]));
}

function table(rows: Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const [header, ...body] = rows;
  return [header!, header!.map(() => "---"), ...body].map((r) => `| ${r.map(escape).join(" | ")} |`).join("\n");
}

export function engineComparison(results: BenchResults): string {
  const scales = results.scales.filter((s) => s.postgres || Object.keys(s.cached).length > 0);
  if (!scales.some((s) => s.postgres)) return "PostgreSQL was not measured in this run (`--engines sqlite`).";
  const sections = scales.map((scale) => {
    const took = scale.postgres && !("error" in scale.postgres) ? ` The PostgreSQL rows took ${fmt(scale.postgres.seconds, 0)} s of this scale's run, two server starts included.` : "";
    return `### ${scale.claims.toLocaleString("en")} claims\n\n${table(routeRows(scale))}\n\nWhole-desk CSV export (\`/api/v1/reports/desk/events.csv\`):\n\n${table(csvRow(scale))}\n${took ? `\n${took.trim()}\n` : ""}`;
  });
  return `The same routes, modes and load on both engines, one after the other on the same machine: SQLite on the generated desk, PostgreSQL on the copy \`db:copy\` made of it (the "SQLite → PostgreSQL" row below) in the bench's throwaway cluster (\`fsync=off\`, default settings otherwise, on the same two cores as the app and the load generator). Each engine's floor runs in a process of its own, since the tables follow \`DATABASE_URL\` when first imported; the floor's rate is data-access calls per second. A row that failed shows its error, with the server's first error line where it printed one; db:copy analyses the copy after its commit, so PostgreSQL plans with the rows' statistics. "Ceiling" is the target of issue 8 that applies to the row, the same on both engines (judged in "Targets" above, the PostgreSQL rows marked "on PostgreSQL").

${sections.join("\n")}`;
}
