import { getPublishedArticle, listArticleFilterOptions } from "../db/articles/published-articles";
import { getPublicClaim } from "../db/claims/public-claim";
import { feedEvents } from "../db/feeds/feed-events";
import { timeViewOfSearch } from "../lib/as-of";
import { listStatuses } from "../db/statuses/list-statuses";
import { listPublishedClaims } from "../db/tracker/list-claims";
import { statusChangesOverTime } from "../db/tracker/status-changes";
import { parseTrackerQuery } from "../lib/tracker-query";
import { median, percentile } from "./measure";
import type { BenchRoute } from "./routes";

/**
 * The floor: what each route's data costs straight from SQLite, in this process, without HTTP
 * or rendering. Each route runs the data-access functions its page calls (the ones
 * app/_lib/reader-cache.ts wraps), uncached, so floor and uncached HTTP compare directly.
 * The database is getDb()'s: the caller points DATABASE_URL at the bench desk first.
 */
export interface FloorResult {
  medianMs: number;
  p99Ms: number;
  opsPerSecond: number;
  iterations: number;
}

function loaderFor(route: BenchRoute): (() => Promise<unknown>) | null {
  const url = new URL(route.path, "http://bench.local");
  switch (route.kind) {
    case "tracker": {
      const query = parseTrackerQuery(url.searchParams);
      // app/trends/page.tsx: the chart of the selection and the scale.
      if (url.pathname === "/trends") return async () => [await statusChangesOverTime(query), await listStatuses()];
      // app/page.tsx: the page of claims, the scale and the article filter's list.
      return async () => [await listPublishedClaims(query), await listStatuses(), await listArticleFilterOptions(query.article)];
    }
    case "article": {
      const slug = decodeURIComponent(url.pathname.split("/").at(-1)!);
      return async () => [await getPublishedArticle(slug, { view: null }), await listStatuses()];
    }
    case "claim": {
      const id = Number(url.pathname.split("/").at(-1));
      return async () => [await getPublicClaim(id, { view: null }), await listStatuses()];
    }
    case "feed": {
      const parsed = timeViewOfSearch(url.searchParams);
      const view = parsed.ok ? parsed.view : null;
      return async () => [await feedEvents({ kind: "desk" }, undefined, view), await listStatuses()];
    }
    case "static":
      return null;
  }
}

/** Runs each loader for about `budgetMs` (at least 5 and at most 5,000 times) after two warm-up calls. */
export async function measureFloor(routes: readonly BenchRoute[], budgetMs: number): Promise<Record<string, FloorResult>> {
  const results: Record<string, FloorResult> = {};
  for (const route of routes) {
    const load = loaderFor(route);
    if (!load) continue;
    await load();
    await load();
    const times: number[] = [];
    const deadline = performance.now() + budgetMs;
    while (times.length < 5 || (performance.now() < deadline && times.length < 5000)) {
      const started = performance.now();
      await load();
      times.push(performance.now() - started);
    }
    const total = times.reduce((sum, t) => sum + t, 0);
    results[route.key] = { medianMs: median(times), p99Ms: percentile(times, 0.99), opsPerSecond: (1000 * times.length) / total, iterations: times.length };
  }
  return results;
}
