import "server-only";
import { getPublishedArticle, listArticleFilterOptions, listPublishedArticles, publishedSlugOfFormer } from "@/db/articles/published-articles";
import { changedTagsSince, WHOLE_DESK_TAGS } from "@/db/cache-tags";
import { changeCount } from "@/db/change-counter";
import { getPublicClaim, publicMergeTarget } from "@/db/claims/public-claim";
import { settings } from "@/db/settings";
import { listStatuses } from "@/db/statuses/list-statuses";
import { listPublishedClaims } from "@/db/tracker/list-claims";
import { statusChangesOverTime } from "@/db/tracker/status-changes";
import { purgeCacheTags } from "@/lib/cache-purge";
import { createMemoCache } from "@/lib/memo-cache";

/**
 * Reader pages read through this cache, so a repeat view runs no SQL but one: the read of the
 * database's change counter (db/change-counter.ts; awaited, as PostgreSQL answers over the network), which triggers move with every change
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

export const cachedPublishedArticle = cache.wrapAsync("published-article", getPublishedArticle);
export const cachedPublishedSlugOfFormer = cache.wrapAsync("published-slug-of-former", publishedSlugOfFormer);
export const cachedPublishedArticles = cache.wrapAsync("published-articles", listPublishedArticles);
export const cachedArticleFilterOptions = cache.wrapAsync("article-filter-options", listArticleFilterOptions);
export const cachedPublicClaim = cache.wrapAsync("public-claim", getPublicClaim);
export const cachedStatuses = cache.wrapAsync("statuses", async () => listStatuses());
export const cachedMergeTarget = cache.wrapAsync("merge-target", publicMergeTarget);
export const cachedTrackerPage = cache.wrapAsync("tracker-page", listPublishedClaims);
export const cachedStatusChanges = cache.wrapAsync("status-changes", statusChangesOverTime);

/**
 * The reader generation now (the database's change counter): anything rendered from reader
 * data at this number is current until it changes. The page cache in front of Next
 * (server/serve.mjs) and the PDF cache key on it too.
 */
export function readerGeneration(): Promise<number> {
  return changeCount();
}

/** Read before a mutation runs; readerWriteDone(mark) then names what it changed. */
export function readerWriteMark(): Promise<number> {
  return changeCount();
}

/**
 * Called after each successful mutation, with the mark read before it. The counter and the
 * cache tags have already moved (the triggers ran in the mutation's transaction), so every
 * process's caches notice on their next read anyway; this frees this process's cached reads at
 * once and purges the tags changed since the mark from a shared cache in front
 * (CACHE_PURGE_URL), without waiting for it. Tags another process changed meanwhile may be
 * purged twice, which costs a miss, never a stale page.
 */
export async function readerWriteDone(mark: number): Promise<void> {
  cache.clear();
  const { CACHE_PURGE_URL, CACHE_PURGE_TOKEN } = settings();
  if (!CACHE_PURGE_URL) return;
  const tags = await changedTagsSince(mark);
  if (tags.length > 0) void purgeCacheTags({ url: CACHE_PURGE_URL, token: CACHE_PURGE_TOKEN }, tags);
}

/** After a restore: every public answer may have changed. */
export function readerDeskReplaced(): void {
  cache.clear();
  const { CACHE_PURGE_URL, CACHE_PURGE_TOKEN } = settings();
  if (CACHE_PURGE_URL) void purgeCacheTags({ url: CACHE_PURGE_URL, token: CACHE_PURGE_TOKEN }, WHOLE_DESK_TAGS);
}
