import type { DeskSummary } from "./generate";

/** What a route is, for the floor (which loaders it calls) and for the targets (which apply to it). */
export type RouteKind = "static" | "tracker" | "article" | "claim" | "feed";

export interface BenchRoute {
  key: string;
  label: string;
  path: string;
  kind: RouteKind;
  /** Read through the reader cache, so it is measured again with the cache off. */
  readerCached: boolean;
}

export const CSV_EXPORT_PATH = "/api/v1/reports/desk/events.csv";

/** The routes the bench measures on a generated desk (see lib/tracker-query.ts for the parameters). */
export function benchRoutes(desk: DeskSummary): BenchRoute[] {
  return [
    { key: "static", label: "Static file (ceiling)", path: "/bench/static.txt", kind: "static", readerCached: false },
    { key: "tracker", label: "Tracker /", path: "/", kind: "tracker", readerCached: true },
    { key: "tracker-filtered", label: "Tracker, false predictions", path: "/?kind=prediction&status=false", kind: "tracker", readerCached: true },
    { key: "search-zh", label: `Search “${desk.searchTerms.zh}”`, path: `/?q=${encodeURIComponent(desk.searchTerms.zh)}`, kind: "tracker", readerCached: true },
    { key: "search-en", label: `Search “${desk.searchTerms.en}”`, path: `/?q=${encodeURIComponent(desk.searchTerms.en)}`, kind: "tracker", readerCached: true },
    { key: "trends", label: "Trends /trends", path: "/trends", kind: "tracker", readerCached: true },
    { key: "article", label: "Article page", path: `/articles/${encodeURIComponent(desk.sampleArticleSlug)}`, kind: "article", readerCached: true },
    { key: "claim", label: "Claim page", path: `/claims/${desk.sampleClaimId}`, kind: "claim", readerCached: true },
    { key: "feed", label: "Desk feed (Atom)", path: "/feeds/desk.atom", kind: "feed", readerCached: false },
    // As of a day by effective date: walks status_event_effective_idx (migration 0013), not every event.
    { key: "feed-asof", label: "Desk feed as of 2024-01-01 (Atom)", path: "/feeds/desk.atom?asof=2024-01-01", kind: "feed", readerCached: false },
  ];
}
