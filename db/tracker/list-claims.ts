import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { ClaimKind } from "../../lib/claim-rules";
import { TRACKER_PAGE_SIZE, type TrackerQuery } from "../../lib/tracker-query";
import { getDb, type Tx } from "../client";
import { epochMs, joinInOrder } from "../sql-dialect";
import { articles, claims, mentions, readerStatusCounts, statusEvents } from "../schema";
import { onlyKindOrStatus, searchMatches, timelineClaimsCte, trackerClaimsWhere } from "./search";

export interface TrackerItemDto {
  id: number;
  statement: string;
  /** BCP 47, or null on claims older than migration 0016 (detected when rendered). */
  statementLanguage: string | null;
  claimant: string | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  updatedAt: string;
  /** When the latest published event on its timeline was recorded. */
  lastEventAt: string | null;
  /** The published articles it appears in, in the order of the claim page. */
  articles: { slug: string; title: string; language: string }[];
  /** The words of its first live mention in a published article. */
  quote: string;
  /** The quote's language (null: detect it, against `quoteContext`, the article's). */
  quoteLanguage: string | null;
  quoteContext: string | null;
}

export interface TrackerPageDto {
  items: TrackerItemDto[];
  total: number;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  pageCount: number;
  /** Claims per status over the whole filtered set, the status filter itself left out. */
  statusCounts: Record<string, number>;
}

/**
 * A page of the public claim tracker. At most five statements whatever the data size (search
 * matches, counts, page, appearances, last events), in one read transaction so that the total,
 * the counts and the page come from the same snapshot while editors write. A search runs its
 * full-text query once; counts and page reuse the matching ids.
 */
export async function listPublishedClaims(query: TrackerQuery): Promise<TrackerPageDto> {
  return getDb().transaction(async (tx) => {
    const matches = query.q ? await searchMatches(tx, query.q) : undefined;
    const statusCounts = matches?.length === 0 ? {} : await countByStatus(tx, query, matches);
    const counted = query.status.length > 0 ? query.status : Object.keys(statusCounts);
    const total = counted.reduce((sum, key) => sum + (statusCounts[key] ?? 0), 0);
    const pageCount = Math.max(1, Math.ceil(total / TRACKER_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = total === 0 ? [] : await loadPage(tx, query, page, matches);
    const ids = rows.map((r) => r.id);
    const appearances = await loadAppearances(tx, ids);
    const lastEvents = await loadLastEventTimes(tx, ids);
    const items = rows.map((row) => {
      const seen = appearances.get(row.id) ?? [];
      return {
        ...row,
        updatedAt: row.updatedAt.toISOString(),
        lastEventAt: lastEvents.get(row.id) ?? null,
        articles: [...new Map(seen.map((a) => [a.slug, { slug: a.slug, title: a.title, language: a.articleLanguage }])).values()],
        quote: seen[0]?.exact ?? "",
        quoteLanguage: seen[0]?.language ?? null,
        quoteContext: seen[0]?.articleLanguage ?? null,
      };
    });
    return { items, total, page, pageCount, statusCounts };
  });
}

/**
 * Claims per status, the status filter left out. Unfiltered or by kind, these are figures kept
 * by triggers (migration 0008): at most fifty rows instead of a count over every claim.
 */
async function countByStatus(tx: Tx, query: TrackerQuery, matches: readonly number[] | undefined): Promise<Record<string, number>> {
  if (onlyKindOrStatus(query)) {
    // CAST: PostgreSQL sums integers to numeric, which arrives as a string.
    const n = sql<number>`CAST(sum(${readerStatusCounts.claims}) AS integer)`;
    const kept = await tx
      .select({ status: readerStatusCounts.statusKey, n })
      .from(readerStatusCounts)
      .where(query.kind.length > 0 ? inArray(readerStatusCounts.kind, query.kind) : undefined)
      .groupBy(readerStatusCounts.statusKey)
      .having(gt(n, 0));
    return Object.fromEntries(kept.map((r) => [r.status, r.n]));
  }
  const rows = await tx
    .select({ status: claims.currentStatus, n: count() })
    .from(claims)
    .where(trackerClaimsWhere(query, { ignoreStatus: true, matches, fromMatches: true }))
    .groupBy(claims.currentStatus);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * Up to this many search matches, a page reads them by id and sorts them; past it, walking the
 * readable claims in page order and keeping the matches reaches 25 sooner (a match every
 * 100,000 / n claims). The two cost the same near √(25 × 100,000) ≈ 1,600 matches.
 */
const FEW_MATCHES = 1_500;

async function loadPage(tx: Tx, query: TrackerQuery, page: number, matches: readonly number[] | undefined) {
  const direction = query.order === "asc" ? asc : desc;
  // Undated claims go last either way: they cannot be placed on a timeline of claim dates. Each
  // direction is written as its index (migration 0008) is ordered, so a page reads 25 entries
  // instead of sorting every readable claim.
  const undatedLast = query.order === "asc" ? sql`${claims.claimDate} IS NULL` : sql`${claims.claimDate} IS NOT NULL DESC`;
  const order = query.sort === "claim-date" ? [undatedLast, direction(claims.claimDate), direction(claims.id)] : [direction(claims.updatedAt), direction(claims.id)];
  return tx
    .select({
      id: claims.id,
      statement: claims.statement,
      statementLanguage: claims.statementLanguage,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .where(trackerClaimsWhere(query, { matches, fromMatches: (matches?.length ?? Infinity) <= FEW_MATCHES }))
    .orderBy(...order)
    .limit(TRACKER_PAGE_SIZE)
    .offset((page - 1) * TRACKER_PAGE_SIZE);
}

/** Live mentions in published articles of the given claims, in the claim page's order (article date, then mention). */
async function loadAppearances(tx: Tx, claimIds: number[]) {
  const byClaim = new Map<number, { slug: string; title: string; articleLanguage: string; exact: string; language: string | null }[]>();
  if (claimIds.length === 0) return byClaim;
  const rows = await tx
    .select({ claimId: mentions.claimId, exact: mentions.exact, language: mentions.language, slug: articles.slug, title: articles.title, articleLanguage: articles.language })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(inArray(mentions.claimId, claimIds), isNull(mentions.deletedAt), eq(articles.status, "published")))
    .orderBy(asc(articles.publishedDate), asc(mentions.id));
  for (const { claimId, ...appearance } of rows) {
    const list = byClaim.get(claimId) ?? [];
    list.push(appearance);
    byClaim.set(claimId, list);
  }
  return byClaim;
}

/**
 * Claim id → ISO time of the latest published event on its timeline (merged claims' events included).
 * CROSS JOIN keeps the page's few claims and their timelines as the outer loop: otherwise SQLite
 * may scan every status event (half a second at 100,000 claims).
 */
async function loadLastEventTimes(tx: Tx, claimIds: number[]): Promise<Map<number, string>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx.all<{ claimId: number; lastEventAt: number }>(sql`
    WITH ${timelineClaimsCte(inArray(claims.id, claimIds))}
    SELECT timeline_claim.owner_id AS "claimId", ${epochMs(sql`max(${statusEvents.recordedAt})`)} AS "lastEventAt"
    FROM timeline_claim ${joinInOrder()} ${statusEvents} ON ${statusEvents.claimId} = timeline_claim.claim_id
    WHERE ${statusEvents.visibility} = 'published'
    GROUP BY timeline_claim.owner_id`);
  return new Map(rows.map((r) => [r.claimId, new Date(r.lastEventAt).toISOString()]));
}
