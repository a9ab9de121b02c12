import "server-only";
import type Database from "better-sqlite3";
import { CACHE_TAGS } from "../server/reader-generation.mjs";
import { getDb } from "./client";

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

type Statements = {
  articleBySlug: Database.Statement<[string], number>;
  claimsOfArticle: Database.Statement<[number], number>;
  familyOfClaim: Database.Statement<[number], number>;
  articlesOfClaims: Database.Statement<[string], number>;
  changedSince: Database.Statement<[string, number], number>;
  allChangedSince: Database.Statement<[number], string>;
};
const prepared = new WeakMap<Database.Database, Statements>();

function statements(client: Database.Database): Statements {
  let s = prepared.get(client);
  if (s) return s;
  s = {
    articleBySlug: client.prepare<[string], number>("SELECT id FROM article WHERE slug = ?").pluck(),
    // Every claim the article mentions (live mentions) and the claim whose timeline it shows.
    claimsOfArticle: client
      .prepare<[number], number>(
        `WITH shown AS (SELECT c.id, c.timeline_owner_id FROM mention m JOIN claim c ON c.id = m.claim_id WHERE m.article_id = ? AND m.deleted_at IS NULL)
         SELECT id FROM shown UNION SELECT timeline_owner_id FROM shown WHERE timeline_owner_id IS NOT NULL`,
      )
      .pluck(),
    // The claim, its owner, and every claim sharing that timeline (merged into it).
    familyOfClaim: client
      .prepare<[number], number>(
        `WITH asked AS (SELECT id, COALESCE(timeline_owner_id, id) AS owner FROM claim WHERE id = ?)
         SELECT id FROM asked UNION SELECT owner FROM asked
         UNION SELECT claim.id FROM claim JOIN asked ON claim.timeline_owner_id = asked.owner`,
      )
      .pluck(),
    articlesOfClaims: client
      .prepare<[string], number>("SELECT DISTINCT article_id FROM mention WHERE deleted_at IS NULL AND claim_id IN (SELECT value FROM json_each(?))")
      .pluck(),
    changedSince: client
      .prepare<[string, number], number>("SELECT 1 FROM cache_tag_change WHERE tag IN (SELECT value FROM json_each(?)) AND changed_at > ? LIMIT 1")
      .pluck(),
    allChangedSince: client.prepare<[number], string>("SELECT tag FROM cache_tag_change WHERE changed_at > ? ORDER BY tag").pluck(),
  };
  prepared.set(client, s);
  return s;
}

const client = () => getDb().$client;

/** An article's page, report, feed or API answer. */
export function articleTags(articleId: number): CacheTag[] {
  const claims = statements(client()).claimsOfArticle.all(articleId);
  return [DESK, articleTag(articleId), ...claims.map(claimTag)];
}

/** A claim's page or API answer. */
export function claimTags(claimId: number): CacheTag[] {
  const s = statements(client());
  const family = s.familyOfClaim.all(claimId);
  const articles = family.length > 0 ? s.articlesOfClaims.all(JSON.stringify(family)) : [];
  return [DESK, ...family.map(claimTag), ...articles.map(articleTag)];
}

/** An article by its current slug; only the list tags when no article has it (a 404, not kept). */
export function articleSlugTags(slug: string): CacheTag[] {
  const id = statements(client()).articleBySlug.get(slug);
  return id === undefined ? [...LIST_TAGS] : articleTags(id);
}

/** What a feed or a report of this scope shows (db/feeds/feed-events.ts, lib/reports/report-model.ts). */
export function scopeTags(scope: { kind: "desk" } | { kind: "tracker" } | { kind: "article"; slug: string } | { kind: "claim"; id: number }): CacheTag[] {
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
export function readerPageTags(pathname: string): CacheTag[] {
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
export function tagsChangedSince(tags: readonly CacheTag[], counter: number): boolean {
  return statements(client()).changedSince.get(JSON.stringify(tags), counter) !== undefined;
}

/** Every tag changed after the counter stood at `counter`: what a purge after a write names. */
export function changedTagsSince(counter: number, db: Database.Database = client()): CacheTag[] {
  return statements(db).allChangedSince.all(counter);
}

/**
 * Lets the page cache in server/serve.mjs, which runs outside the app's bundles, ask for a
 * page's tags and whether they changed (called once at start, from instrumentation.ts).
 */
export function publishCacheTags(): void {
  (globalThis as unknown as Record<symbol, unknown>)[CACHE_TAGS] = { readerPageTags, tagsChangedSince };
}
