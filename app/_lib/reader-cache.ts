import "server-only";
import { getPublishedArticle, listArticleFilterOptions, listPublishedArticles, publishedSlugOfFormer } from "@/db/articles/published-articles";
import { changeCount } from "@/db/change-counter";
import { getPublicClaim, publicMergeTarget } from "@/db/claims/public-claim";
import { settings } from "@/db/settings";
import { listStatuses } from "@/db/statuses/list-statuses";
import { listPublishedClaims } from "@/db/tracker/list-claims";
import { statusChangesOverTime } from "@/db/tracker/status-changes";
import { createMemoCache } from "@/lib/memo-cache";

/**
 * Reader pages read through this cache, so a repeat view runs no SQL but one: the read of the
 * database's change counter (db/change-counter.ts), which triggers move with every change
 * readers would see, in any process or script. A different value drops every cached read, so
 * a change shows on the very next view; a desk writes rarely and readers read often, so one
 * coarse invalidation keeps this simple. Reads are also dropped after PAGE_CACHE_MAX_AGE
 * seconds (default 60), as pages show "today". It lives in the server process (see
 * lib/memo-cache.ts for why not on disk).
 */
const holder = globalThis as unknown as { __claimlineReaderCache?: ReturnType<typeof createMemoCache> };
// READER_CACHE=0 keeps nothing (a cache of size 0), so every view is a first view: how the
// benchmark measures the cost of a read right after a write. Nothing else changes.
const cache = (holder.__claimlineReaderCache ??= createMemoCache(process.env.READER_CACHE === "0" ? 0 : 1000, {
  generation: () => changeCount(),
  maxAgeMs: settings().PAGE_CACHE_MAX_AGE * 1000,
}));

export const cachedPublishedArticle = cache.wrap("published-article", getPublishedArticle);
export const cachedPublishedSlugOfFormer = cache.wrap("published-slug-of-former", publishedSlugOfFormer);
export const cachedPublishedArticles = cache.wrap("published-articles", listPublishedArticles);
export const cachedArticleFilterOptions = cache.wrap("article-filter-options", listArticleFilterOptions);
export const cachedPublicClaim = cache.wrap("public-claim", getPublicClaim);
export const cachedStatuses = cache.wrap("statuses", () => listStatuses());
export const cachedMergeTarget = cache.wrap("merge-target", publicMergeTarget);
export const cachedTrackerPage = cache.wrap("tracker-page", listPublishedClaims);
export const cachedStatusChanges = cache.wrap("status-changes", statusChangesOverTime);

/**
 * The reader generation now (the database's change counter): anything rendered from reader
 * data at this number is current until it changes. The page cache in front of Next
 * (server/serve.mjs) and the PDF cache key on it too.
 */
export function readerGeneration(): number {
  return changeCount();
}

/**
 * Called after each successful mutation. The change counter has already moved (the triggers
 * ran in the mutation's transaction), so every cache would notice on its next read anyway;
 * this only frees this process's cached reads at once. The hook where mutation wrappers say
 * "something changed", should a cache ever need telling rather than asking.
 */
export function invalidateReaderCache(): void {
  cache.clear();
}
