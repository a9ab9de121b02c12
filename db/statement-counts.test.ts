import { describe, expect, it } from "vitest";
import {
  cachedArticleFilterOptions,
  cachedPublicClaim,
  cachedPublishedArticle,
  cachedStatusChanges,
  cachedStatuses,
  cachedTrackerPage,
  readerWriteDone,
  readerWriteMark,
} from "../app/_lib/reader-cache";
import { generateDesk } from "../bench/generate";
import { DEFAULT_TRACKER_QUERY, parseTrackerQuery } from "../lib/tracker-query";
import { closeDb, getDb } from "./client";
import { feedEvents } from "./feeds/feed-events";
import { countStatements, statementsRun } from "../test/count-statements";

/**
 * SQL statements per reader request must not grow with the data: a count that rises with the
 * number of claims is an N+1 (a query per row) that a newsroom-sized desk would feel. Each
 * request calls exactly what its page calls (app/page.tsx, app/trends/page.tsx,
 * app/articles/[slug]/page.tsx, app/claims/[id]/page.tsx), through the reader cache, cleared first so it hides nothing.
 * The feeds (app/feeds/) are read on every request, without the reader cache.
 */

interface RequestCounts {
  tracker: number;
  search: number;
  trends: number;
  searchedTrends: number;
  article: number;
  claim: number;
  deskFeed: number;
  articleFeed: number;
  claimFeed: number;
  /** A repeat of every view above, served from the reader cache: the statements it ran. */
  repeat: string[];
}

async function countsForDesk(claims: number): Promise<RequestCounts> {
  await closeDb();
  const sqlite = getDb().$client;
  const desk = generateDesk(sqlite, { claims });
  // Words of a claim that is surely there, so both sizes search with results (an empty result skips the page's reads).
  const { exact } = sqlite.prepare("SELECT exact FROM mention WHERE claim_id = ?").get(desk.sampleClaimId) as { exact: string };
  const search = parseTrackerQuery(new URLSearchParams({ q: Array.from(exact).slice(0, 6).join("") }));
  const views = {
    tracker: () => [cachedTrackerPage(DEFAULT_TRACKER_QUERY), cachedStatuses(), cachedArticleFilterOptions(null)],
    search: () => [cachedTrackerPage(search), cachedStatuses(), cachedArticleFilterOptions(null)],
    trends: () => [cachedStatusChanges(DEFAULT_TRACKER_QUERY), cachedStatuses()],
    searchedTrends: () => [cachedStatusChanges(search), cachedStatuses()],
    article: () => [cachedPublishedArticle(desk.sampleArticleSlug, { view: null }), cachedStatuses()],
    claim: () => [cachedPublicClaim(desk.sampleClaimId, { view: null }), cachedStatuses()],
  };
  // Once to open the connection's lazily prepared transaction statements, so both sizes count the same things.
  for (const view of Object.values(views)) await Promise.all(view());
  const first = async (view: () => unknown[]) => {
    await readerWriteDone(await readerWriteMark());
    return countStatements(() => Promise.all(view()));
  };
  const counts = {
    tracker: await first(views.tracker),
    search: await first(views.search),
    trends: await first(views.trends),
    searchedTrends: await first(views.searchedTrends),
    article: await first(views.article),
    claim: await first(views.claim),
  };
  const feeds = {
    deskFeed: await countStatements(async () => feedEvents({ kind: "desk" })),
    articleFeed: await countStatements(async () => feedEvents({ kind: "article", slug: desk.sampleArticleSlug })),
    claimFeed: await countStatements(async () => feedEvents({ kind: "claim", id: desk.sampleClaimId })),
  };
  for (const view of Object.values(views)) await Promise.all(view());
  const repeat = await statementsRun(() => Promise.all(Object.values(views).flatMap((view): unknown[] => view())));
  await readerWriteDone(await readerWriteMark());
  return { ...counts, ...feeds, repeat };
}

describe("SQL statements per reader request", () => {
  it("are the same for 20 and 200 claims, and a repeat view reads no page data", async () => {
    const small = await countsForDesk(20);
    const large = await countsForDesk(200);
    for (const key of ["tracker", "search", "trends", "searchedTrends", "article", "claim", "deskFeed", "articleFeed", "claimFeed"] as const) expect(small[key], key).toBeGreaterThan(0);
    expect(large).toEqual(small);
    // A repeat reads no page data, only the cache's own checks of what changed since (db/serving-reads.ts).
    expect(small.repeat.filter((text) => !/\b(change_counter|cache_tag_change)\b/.test(text))).toEqual([]);
  });
});
