import "server-only";
import { getPublishedArticle, listArticleFilterOptions, listPublishedArticles, publishedSlugOfFormer } from "@/db/articles/published-articles";
import { getPublicClaim, publicMergeTarget } from "@/db/claims/public-claim";
import { listStatuses } from "@/db/statuses/list-statuses";
import { listPublishedClaims } from "@/db/tracker/list-claims";
import { statusChangesOverTime } from "@/db/tracker/status-changes";
import { createMemoCache } from "@/lib/memo-cache";

/**
 * Reader pages read through this cache, so a repeat view runs no SQL. Every successful
 * mutation clears it (see the action, command and route wrappers): a desk writes rarely and
 * readers read often, so one coarse invalidation keeps this simple, and a change shows on the
 * very next view. It lives in the server process (see lib/memo-cache.ts for why not on disk).
 */
const holder = globalThis as unknown as { __claimlineReaderCache?: ReturnType<typeof createMemoCache> };
// READER_CACHE=0 keeps nothing (a cache of size 0), so every view is a first view: how the
// benchmark measures the cost of a read right after a write. Nothing else changes.
const cache = (holder.__claimlineReaderCache ??= createMemoCache(process.env.READER_CACHE === "0" ? 0 : 1000));

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
 * The page cache in front of Next (server/serve.mjs) keeps whole rendered pages while this
 * number is unchanged. It is shared through the process's global object under the symbol
 * server/reader-generation.mjs names, because the server and the app's bundles do not share modules.
 */
const READER_GENERATION = Symbol.for("claimline.readerGeneration");
const generationHolder = globalThis as unknown as Record<symbol, number | undefined>;

/** The reader generation now: anything rendered from reader data at this number is current until it changes. */
export function readerGeneration(): number {
  return generationHolder[READER_GENERATION] ?? 0;
}

/** Forgets every cached reader read and rendered reader page; called after each successful mutation. */
export function invalidateReaderCache(): void {
  cache.clear();
  generationHolder[READER_GENERATION] = (generationHolder[READER_GENERATION] ?? 0) + 1;
}
