import "server-only";
import { and, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { DEFAULT_TRACKER_QUERY, type TrackerQuery } from "../../lib/tracker-query";
import type { Db, Tx } from "../client";
import { claimSearch } from "../engines/claim-search";
import { containsText, inIds, joinInOrder, ON_POSTGRES } from "../sql-dialect";
import { onTimelineOf, readableClaim } from "../claims/timeline-owner";
import { articles, claims, mentions } from "../schema";

/**
 * Which claims the public tracker shows for a query, as SQL conditions on `claim`, so every
 * tracker read (page, counts, chart) is one statement whatever the number of claims.
 */

/**
 * A subquery of the ids (column `id`) of claims whose statement, quoted words or article titles
 * contain `q` (case-insensitively for Latin letters), at any length: each engine's search index
 * (db/engines/claim-search.ts) holds readable claims only; callers still apply `readableClaim`
 * so this is never the only guard.
 */
export function matchingClaimIds(q: string): SQL {
  return claimSearch.matchingClaimIds(q);
}

/** A live mention of the claim in a published article, optionally a given one. */
function publishedMention(articleSlug?: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${mentions} INNER JOIN ${articles} ON ${articles.id} = ${mentions.articleId}
    WHERE ${mentions.claimId} = ${claims.id} AND ${mentions.deletedAt} IS NULL AND ${articles.status} = 'published'
    ${articleSlug === undefined ? sql`` : sql`AND ${articles.slug} = ${articleSlug}`})`;
}

/**
 * The ids of the readable claims a search matches, in one statement: a view reads them once and
 * passes them to its counts and page (see `trackerClaimsWhere`), instead of running the
 * full-text query for each.
 */
export async function searchMatches(db: Db | Tx, q: string): Promise<number[]> {
  return (await db.all<{ id: number }>(matchingClaimIds(q))).map((r) => r.id);
}

/**
 * True when the query narrows by nothing but kind and status: the figures kept by triggers
 * (migration 0008, per kind and status) answer its counts without reading claims.
 */
export function onlyKindOrStatus(query: TrackerQuery): boolean {
  // Every other parameter must be at its default: a filter added later is "narrows" until listed here.
  return (Object.keys(query) as (keyof TrackerQuery)[]).every((key) => KEPT_FIGURE_PARAMETERS.has(key) || query[key] === DEFAULT_TRACKER_QUERY[key]);
}

/** Parameters that do not change which claims the kept figures count (paging and order), or that they are kept by. */
const KEPT_FIGURE_PARAMETERS = new Set<keyof TrackerQuery>(["kind", "status", "sort", "order", "page"]);

/**
 * The claims a tracker query selects. `ignoreStatus` leaves out the status filter, for the
 * facet counts that show what picking another status would give.
 */
export function trackerClaimsWhere(query: TrackerQuery, options: { ignoreStatus?: boolean; matches?: readonly number[]; fromMatches?: boolean } = {}): SQL {
  const search = !query.q ? undefined : options.matches ? inIds(claims.id, options.matches) : sql`${claims.id} IN (${matchingClaimIds(query.q)})`;
  return and(
    // SQLite: `+` hides the readable indexes from the planner, so it reads the matched claims by
    // id instead of walking every readable claim and testing each against the list. PostgreSQL's
    // planner, with statistics, picks the id lookup itself (and has no unary + on booleans).
    options.fromMatches && options.matches && !ON_POSTGRES ? sql`+${claims.readable} = TRUE` : readableClaim,
    search,
    query.status.length > 0 && !options.ignoreStatus ? inArray(claims.currentStatus, query.status) : undefined,
    query.kind.length > 0 ? inArray(claims.kind, query.kind) : undefined,
    query.article ? publishedMention(query.article) : undefined,
    // SQLite's lower() folds ASCII only; both sides go through it so the comparison agrees with itself.
    query.claimant ? containsText(sql`lower(${claims.claimant})`, sql`lower(${query.claimant})`) : undefined,
    query.from ? gte(claims.claimDate, query.from) : undefined,
    query.to ? lte(claims.claimDate, query.to) : undefined,
  )!;
}

/**
 * A CTE `timeline_claim(claim_id, owner_id)`: each claim matching `seed` (over the unaliased
 * claim table) and every claim on its timeline, merged into it directly or in a chain (the kept
 * owner, timeline-owner.ts). Merged claims keep their (append-only) events, which readers see
 * on the surviving claim's timeline, so tracker figures count them there too. CROSS JOIN keeps
 * the selected claims outer, each finding its timeline through claim_timeline_owner_idx.
 */
export function timelineClaimsCte(seed: SQL): SQL {
  return sql`timeline_claim(claim_id, owner_id) AS (
    SELECT merged.id, ${claims.id} FROM ${claims} ${joinInOrder()} ${claims} AS merged ON ${onTimelineOf(sql`${claims.id}`, sql`merged`)} WHERE ${seed}
  )`;
}
