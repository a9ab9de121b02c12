import { COPY_DIRECTIONS } from "./copy-timing";
import type { DownloadResult, HttpResult } from "./measure";
import type { RouteOutcome } from "./postgres-rows";
import type { BenchResults, ScaleResult, TargetRow } from "./results";
import type { ScaleOutSetup } from "./scale-out";

/** The targets of issue 8, each beside what this run measured. */
export const TARGETS = {
  cachedShareOfStatic: 0.5,
  uncachedTrackerMedianMs: 25,
  growth100kOver1k: 1.5,
  csvEventsPerSecond: 50_000,
  csvPeakRssMb: 300,
  suggestMs: 100,
  firstLoadJsKb: 130,
  // Issue 18: a cached page at one process against a bare Node server sending the same bytes,
  // and uncached views at two processes against one (0.8 per process: 1.6 × on two cores).
  cachedShareOfCeiling: 0.7,
  uncachedSpeedupPerProcess: 0.8,
  // Issue 19: a 100,000-claim desk (about 1.3 million rows) moves between engines, each way, in
  // under 5 minutes: a desk's move to PostgreSQL fits a short announced maintenance window with
  // the app stopped. At 20,000 claims the copy took 10–33 s per direction on this loaded 2-core
  // machine after keyset reads and prepared inserts (linear, so under 3 minutes at 100,000): the
  // target keeps headroom for a busier machine, and would have failed the 40–90 s per 20,000
  // claims of the OFFSET reads and per-batch drizzle inserts before (quadratic besides).
  copyMinutes100k: 5,
} as const;

const LARGE = 100_000;
const SMALL = 1_000;

/** One engine's reader rows at one scale, as the targets read them; a row that failed carries its error. */
interface EngineView {
  /** "" for SQLite (the rows issue 8 set the targets on), " on PostgreSQL" for the other engine. */
  suffix: string;
  cached: Record<string, RouteOutcome>;
  uncached: Record<string, RouteOutcome>;
  csv?: DownloadResult | { error: string };
}

const ENGINE_VIEWS: ((scale: ScaleResult) => EngineView | undefined)[] = [
  (scale) => (Object.keys(scale.cached).length > 0 ? { suffix: "", cached: scale.cached, uncached: scale.uncached, csv: scale.csv } : undefined),
  (scale) => {
    const pg = scale.postgres;
    if (!pg) return undefined;
    if ("error" in pg) {
      const failed = Object.fromEntries(scale.routes.map((r) => [r.key, { error: pg.error }]));
      return { suffix: " on PostgreSQL", cached: failed, uncached: failed, csv: { error: pg.error } };
    }
    return { suffix: " on PostgreSQL", cached: pg.cached, uncached: pg.uncached, csv: pg.csv };
  },
];

const measuredOf = (outcome: RouteOutcome | undefined): HttpResult | undefined => (outcome && !("error" in outcome) ? outcome : undefined);
const failedText = (outcome: RouteOutcome | undefined) => (outcome && "error" in outcome ? `failed: ${outcome.error.slice(0, 120)}` : undefined);

export function evaluateTargets(results: Omit<BenchResults, "targets">): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const view of ENGINE_VIEWS) rows.push(...engineTargets(results, view));
  rows.push(...scaleOutTargets(results));
  rows.push(...copyTargets(results));
  rows.push({
    target: "Claim suggestions over a 100,000-character article",
    where: `lib/suggest.ts suggestClaims, ${results.suggestions.characters.toLocaleString("en")} characters, zh/en`,
    goal: `≤ ${TARGETS.suggestMs} ms`,
    measured: `${results.suggestions.medianMs.toFixed(0)} ms median of ${results.suggestions.runsMs.length} warm runs (first call ${results.suggestions.coldMs.toFixed(0)} ms)`,
    verdict: verdict(results.suggestions.medianMs <= TARGETS.suggestMs),
  });
  const kb = results.firstLoadJs.totalGzipBytes / 1000;
  rows.push({
    target: "Article page first-load JavaScript",
    where: `${results.firstLoadJs.route}, ${results.firstLoadJs.files.length} chunks, gzip -9`,
    goal: `≤ ${TARGETS.firstLoadJsKb} kB`,
    measured: `${kb.toFixed(1)} kB`,
    verdict: verdict(kb <= TARGETS.firstLoadJsKb),
  });
  return rows;
}

const verdict = (ok: boolean): TargetRow["verdict"] => (ok ? "pass" : "miss");

/** Issue 8's reader targets on one engine: the same goals for SQLite and PostgreSQL. */
function engineTargets(results: Omit<BenchResults, "targets">, viewOf: (scale: ScaleResult) => EngineView | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const views = new Map(results.scales.flatMap((s) => (viewOf(s) ? [[s.claims, viewOf(s)!] as const] : [])));
  if (views.size === 0) return rows;
  const scaleName = (s: ScaleResult) => s.claims.toLocaleString("en");
  const measuredScales = results.scales.filter((s) => views.has(s.claims));
  const small = views.get(SMALL);
  const large = views.get(LARGE);
  const largeScale = measuredScales.find((s) => s.claims === LARGE) ?? measuredScales.at(-1)!;
  const suffix = views.values().next().value!.suffix;

  for (const scale of measuredScales) {
    const view = views.get(scale.claims)!;
    const staticRps = measuredOf(view.cached.static)?.requestsPerSecond ?? NaN;
    for (const route of scale.routes.filter((r) => r.readerCached)) {
      const failed = failedText(view.cached[route.key]) ?? failedText(view.cached.static);
      const rps = measuredOf(view.cached[route.key])?.requestsPerSecond ?? NaN;
      const share = rps / staticRps;
      rows.push({
        target: "Cached reader page ≥ ½ static file throughput",
        where: `${route.label} @ ${scaleName(scale)}${suffix}`,
        goal: `≥ ${TARGETS.cachedShareOfStatic} × static`,
        measured: failed ?? `${rps.toFixed(1)} req/s = ${share.toFixed(3)} × ${staticRps.toFixed(0)}`,
        verdict: failed ? "miss" : verdict(share >= TARGETS.cachedShareOfStatic),
      });
    }
  }

  for (const key of ["tracker", "tracker-filtered", "search-zh", "search-en", "trends"]) {
    const route = largeScale.routes.find((r) => r.key === key);
    const outcome = large?.uncached[key];
    const measured = measuredOf(outcome);
    rows.push({
      target: "Uncached tracker/search median at 100,000 claims",
      where: `${route?.label ?? key}${suffix}`,
      goal: `≤ ${TARGETS.uncachedTrackerMedianMs} ms`,
      measured: failedText(outcome) ?? (measured ? `${measured.medianMs.toFixed(1)} ms` : "run with --scale 100000"),
      verdict: measured ? verdict(measured.medianMs <= TARGETS.uncachedTrackerMedianMs) : outcome ? "miss" : "not measured",
    });
  }

  for (const route of largeScale.routes.filter((r) => r.kind !== "static")) {
    // The reader cache hides data size, so growth is judged on first views (uncached); the feed has no cache.
    const mode = route.readerCached ? "uncached" : "cached";
    const [oa, ob] = [small?.[mode][route.key], large?.[mode][route.key]];
    const [a, b] = [measuredOf(oa)?.medianMs, measuredOf(ob)?.medianMs];
    const failed = failedText(oa) ?? failedText(ob);
    rows.push({
      target: "Median latency at 100,000 ≤ 1.5 × at 1,000",
      where: `${route.label} (${mode})${suffix}`,
      goal: `≤ ${TARGETS.growth100kOver1k} ×`,
      measured: failed ?? (a !== undefined && b !== undefined ? `${b.toFixed(1)} ms ÷ ${a.toFixed(1)} ms = ${(b / a).toFixed(2)} ×` : "needs --scale 1000 and --scale 100000"),
      verdict: failed ? "miss" : a !== undefined && b !== undefined ? verdict(b / a <= TARGETS.growth100kOver1k) : "not measured",
    });
  }

  const csv = views.get(largeScale.claims)!.csv;
  if (csv) {
    const where = `whole desk @ ${scaleName(largeScale)}${large ? "" : " (100,000 not measured)"}${suffix}`;
    if ("error" in csv) {
      rows.push({ target: "CSV export speed", where, goal: `≥ ${TARGETS.csvEventsPerSecond.toLocaleString("en")} events/s`, measured: `failed: ${csv.error.slice(0, 120)}`, verdict: "miss" });
      rows.push({ target: "CSV export peak memory", where, goal: `< ${TARGETS.csvPeakRssMb} MB`, measured: "failed", verdict: "miss" });
    } else {
      const measuredVerdict = (ok: boolean) => (large ? verdict(ok) : "not measured");
      rows.push({
        target: "CSV export speed",
        where,
        goal: `≥ ${TARGETS.csvEventsPerSecond.toLocaleString("en")} events/s`,
        measured: `${Math.round(csv.rowsPerSecond).toLocaleString("en")} events/s (${csv.rows.toLocaleString("en")} in ${csv.medianSeconds.toFixed(2)} s)`,
        verdict: measuredVerdict(csv.rowsPerSecond >= TARGETS.csvEventsPerSecond),
      });
      rows.push({
        target: "CSV export peak memory",
        where,
        goal: `< ${TARGETS.csvPeakRssMb} MB`,
        measured: `${csv.peakRssMb.toFixed(0)} MB peak RSS (${csv.baselineRssMb.toFixed(0)} MB before)`,
        verdict: measuredVerdict(csv.peakRssMb < TARGETS.csvPeakRssMb),
      });
    }
  }
  return rows;
}

/** Issue 18's two targets, per scale and page, from the serving-at-scale rows. */
function scaleOutTargets(results: Omit<BenchResults, "targets">): TargetRow[] {
  const rows: TargetRow[] = [];
  const verdict = (ok: boolean): TargetRow["verdict"] => (ok ? "pass" : "miss");
  for (const scale of results.scales) {
    const out = scale.scaleOut;
    if (!out) continue;
    const rps = (setup: ScaleOutSetup, page: string) => {
      const measured = out.rows.find((r) => r.setup === setup)?.pages[page];
      return measured && !("error" in measured) ? measured.requestsPerSecond : undefined;
    };
    const where = (label: string) => `${label} @ ${scale.claims.toLocaleString("en")}`;
    for (const page of out.pages) {
      const [app, ceiling] = [rps("app-1-cached", page.key), rps("ceiling", page.key)];
      rows.push({
        target: "Cached page at one process ≥ 0.7 × bare Node server (same bytes)",
        where: where(page.label),
        goal: `≥ ${TARGETS.cachedShareOfCeiling} × ceiling`,
        measured: app !== undefined && ceiling ? `${app.toFixed(1)} req/s = ${(app / ceiling).toFixed(3)} × ${ceiling.toFixed(0)}` : "failed",
        verdict: app !== undefined && ceiling ? verdict(app / ceiling >= TARGETS.cachedShareOfCeiling) : "miss",
      });
    }
    const goal = TARGETS.uncachedSpeedupPerProcess * out.processes;
    for (const page of out.pages) {
      const [one, all] = [rps("app-1-uncached", page.key), rps("app-n-uncached", page.key)];
      const target = `Uncached views at ${out.processes} processes ≥ ${goal.toFixed(1)} × one process`;
      if (out.processes < 2) {
        rows.push({ target, where: where(page.label), goal: "needs 2 cores or more", measured: "one core: not measured", verdict: "not measured" });
        continue;
      }
      rows.push({
        target,
        where: `${where(page.label)}, ${out.uncachedConnections ?? out.allCoresConnections} connections`,
        goal: `≥ ${goal.toFixed(1)} ×`,
        measured:
          one !== undefined && all !== undefined
            ? `${all.toFixed(1)} ÷ ${one.toFixed(1)} req/s = ${(all / one).toFixed(2)} ×${out.cpuSpeedup ? ` (the machine's CPU: ${out.cpuSpeedup.toFixed(2)} ×)` : ""}`
            : "failed",
        verdict: one !== undefined && all !== undefined ? verdict(all / one >= goal) : "miss",
      });
    }
  }
  return rows;
}

/** Issue 19: db:copy of the 100,000-claim desk, each direction; a smaller scale's time is shown but not judged. */
function copyTargets(results: Omit<BenchResults, "targets">): TargetRow[] {
  const scale = results.scales.find((s) => s.claims === LARGE) ?? results.scales.at(-1);
  if (!scale?.copy) return [];
  const judged = scale.claims === LARGE;
  return scale.copy.map((t) => ({
    target: `db:copy of a 100,000-claim desk in under ${TARGETS.copyMinutes100k} minutes`,
    where: `${COPY_DIRECTIONS[t.direction]} @ ${scale.claims.toLocaleString("en")}${judged ? "" : " (100,000 not measured)"}`,
    goal: `< ${TARGETS.copyMinutes100k * 60} s`,
    measured: "error" in t ? `failed: ${t.error.slice(0, 120)}` : `${t.seconds.toFixed(1)} s (${Math.round(t.rowsPerSecond).toLocaleString("en")} rows/s)`,
    verdict: "error" in t ? "miss" : judged ? (t.seconds < TARGETS.copyMinutes100k * 60 ? "pass" : "miss") : "not measured",
  }));
}
