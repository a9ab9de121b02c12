import "server-only";
import { CACHE_TAGS } from "../server/reader-generation.mjs";
import { servingClient } from "./serving-client";
import { servingReadsOf, type ServingClient } from "./serving-reads";

/**
 * Cache tags: names for what a cached answer shows, so a change invalidates only the answers
 * that show it (issue 18). The same names are sent as `Surrogate-Key` / `Cache-Tag`, so a
 * shared cache (Varnish, a CDN) is purged by them too.
 *
 *   desk           every public answer (status definitions, settings, an author's name)
 *   list           the tracker, /trends, /articles, the feeds and the list APIs
 *   article-<id>   an article's page, report, feed and API answer
 *   claim-<id>     every answer that shows the claim: its page, its articles' pages
 *
 * What a change touches is decided by the triggers of migration 0018, in the same statement
 * that moves the change counter, so every writer (any app process, a CLI script, a restore,
 * sqlite3 by hand) names its tags: an event on claim 34 stamps `claim-34`, the claim whose
 * timeline it joins (`claim-<timeline_owner_id>`) and `list`. A mention names its article and
 * claim; an article names itself and `list`; statuses and settings name `desk`.
 *
 * What an answer carries is decided here, from the same rows: an article page carries each
 * claim it mentions and their timeline owners, so an event on any of them (or on a claim merged
 * into one, whose trigger stamps the owner) reaches it; a claim page carries the claim, its
 * owner, the claims whose timeline it shows, and the articles that mention any of them.
 *
 * The reads behind them are each engine's statements (db/serving-reads.ts), awaited: prepared
 * statements answered at once on SQLite, one round trip each on PostgreSQL.
 */
export type CacheTag = string;

export const DESK_TAG = "desk";
const DESK = DESK_TAG;
const LIST = "list";

export const articleTag = (id: number): CacheTag => `article-${id}`;
export const claimTag = (id: number): CacheTag => `claim-${id}`;

/** The tracker, /trends, /articles, feeds of the whole desk, list APIs. */
export const LIST_TAGS: readonly CacheTag[] = [DESK, LIST];

/** What a restore or anything else that replaces the desk purges: every public answer. */
export const WHOLE_DESK_TAGS: readonly CacheTag[] = [DESK];

const reads = () => servingReadsOf(servingClient());

/** An article's page, report, feed or API answer. */
export async function articleTags(articleId: number): Promise<CacheTag[]> {
  const claims = await reads().claimsOfArticle(articleId);
  return [DESK, articleTag(articleId), ...claims.map(claimTag)];
}

/** A claim's page or API answer. */
export async function claimTags(claimId: number): Promise<CacheTag[]> {
  const family = await reads().familyOfClaim(claimId);
  const articles = family.length > 0 ? await reads().articlesOfClaims(family) : [];
  return [DESK, ...family.map(claimTag), ...articles.map(articleTag)];
}

/** An article by its current slug; only the list tags when no article has it (a 404, not kept). */
export async function articleSlugTags(slug: string): Promise<CacheTag[]> {
  const id = await reads().articleIdBySlug(slug);
  return id === undefined ? [...LIST_TAGS] : articleTags(id);
}

/** What a feed or a report of this scope shows (db/feeds/feed-events.ts, lib/reports/report-model.ts). */
export async function scopeTags(scope: { kind: "desk" } | { kind: "tracker" } | { kind: "article"; slug: string } | { kind: "claim"; id: number }): Promise<CacheTag[]> {
  if (scope.kind === "article") return articleSlugTags(scope.slug);
  if (scope.kind === "claim") return claimTags(scope.id);
  return [...LIST_TAGS];
}

const ARTICLE_PAGE = /^\/articles\/([^/]+)(?:\/report)?\/?$/;
const CLAIM_PAGE = /^\/claims\/(\d{1,15})\/?$/;

/**
 * The tags of a reader page (server/cacheable.mjs READER_PAGE), by its path. An unknown slug
 * or id has only the list tags: such a page is a 404 or a redirect, which no cache keeps.
 */
export async function readerPageTags(pathname: string): Promise<CacheTag[]> {
  const article = ARTICLE_PAGE.exec(pathname);
  if (article) return articleSlugTags(safeDecode(article[1] ?? ""));
  const claim = CLAIM_PAGE.exec(pathname);
  if (claim) return claimTags(Number(claim[1]));
  return [...LIST_TAGS];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether any of `tags` changed after the change counter stood at `counter`. */
export async function tagsChangedSince(tags: readonly CacheTag[], counter: number): Promise<boolean> {
  return reads().anyTagChangedSince(tags, counter);
}

/** Every tag changed after the counter stood at `counter`: what a purge after a write names. */
export async function changedTagsSince(counter: number, client: ServingClient = servingClient()): Promise<CacheTag[]> {
  return servingReadsOf(client).tagsChangedSince(counter);
}

/**
 * Lets the page cache in server/serve.mjs, which runs outside the app's bundles, ask for a
 * page's tags and whether they changed (called once at start, from instrumentation.ts).
 */
export function publishCacheTags(): void {
  (globalThis as unknown as Record<symbol, unknown>)[CACHE_TAGS] = { readerPageTags, tagsChangedSince };
}
