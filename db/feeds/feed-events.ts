import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { endOfDayMs, type TimeView } from "../../lib/as-of";
import { type Db, getDb } from "../client";
import type { SourceDto } from "../../lib/timeline-types";
import { loadEventSources } from "../events/event-sources";
import { articles, claims } from "../schema";
import { msInstant } from "../sql-dialect";
import { type FeedRow, rowsForClaims, rowsForPicks, rowsInEffectOn } from "./feed-rows";
import { newestReadableEvents } from "./newest-readable-events";
import { readableClaim, readableClaimAs } from "../claims/timeline-owner";
import { firstRow } from "../rows";

export type FeedScope = { kind: "desk" } | { kind: "article"; slug: string } | { kind: "claim"; id: number };

/** A feed entry: a row as read, with its time as ISO text and its sources. */
export interface FeedEventDto extends Omit<FeedRow, "recordedAt"> {
  recordedAt: string;
  sources: SourceDto[];
}

export interface FeedEventsDto {
  /** The article's title or the claim's statement; null for the desk feed. */
  subjectTitle: string | null;
  /** The article's id, for an article feed: what names the feed, whatever its slug becomes. */
  articleId: number | null;
  /** Newest first: by recorded time, or, as of a day, by effective date (then recorded time). */
  events: FeedEventDto[];
}

const MAX_LIMIT = 200;

/**
 * The latest published status events for a reader-facing feed, in three queries (the scope's
 * subject or, for the desk, the walk that picks the events; the events; their sources), and a
 * fourth when the desk's walk gives up. The work follows the feed's size: the desk walks the
 * newest events, an article and a claim read their own claims' events. A claim counts when it
 * is not deleted and has a live mention in a published article, as on the reader pages; a
 * merged claim's events count for the claim it was merged into. Every statement that selects
 * an event's fields filters drafts in its WHERE clause (the walk sees only their ids), and the
 * internal note is never selected. Null when the article or claim is not public (today: a
 * feed of any day shows nothing readers may no longer see).
 *
 * With a view, the feed of that day (lib/as-of.ts): as published on it, the events recorded
 * by its end on claims Claimline showed then, newest recorded first, the same for the same day
 * whenever it is read; as of it, the events in effect by then as known now, corrections with
 * them, newest effective first. Either way filtered in SQL before the limit.
 */
export async function feedEvents(scope: { kind: "desk" }, limit?: number, view?: TimeView | null): Promise<FeedEventsDto>;
export async function feedEvents(scope: FeedScope, limit?: number, view?: TimeView | null): Promise<FeedEventsDto | null>;
export async function feedEvents(scope: FeedScope, limit = 50, view: TimeView | null = null): Promise<FeedEventsDto | null> {
  const db = getDb();
  // One read snapshot: the desk's walk picks events in one statement and reads them in the
  // next, and an article unpublished in between must not show up.
  return db.transaction(async (tx) => readFeed(tx, scope, limit, view));
}

async function readFeed(db: Db, scope: FeedScope, limit: number, view: TimeView | null): Promise<FeedEventsDto | null> {
  let subjectTitle: string | null = null;
  let articleId: number | null = null;
  if (scope.kind === "article") {
    const article = await firstRow(db
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .where(and(eq(articles.slug, scope.slug), eq(articles.status, "published"))));
    if (!article) return null;
    [articleId, subjectTitle] = [article.id, article.title];
  } else if (scope.kind === "claim") {
    const claim = await firstRow(db
      .select({ statement: claims.statement })
      .from(claims)
      .where(and(eq(claims.id, scope.id), readableClaim)));
    if (!claim) return null;
    subjectTitle = claim.statement;
  }

  const size = clampLimit(limit);
  const rows =
    scope.kind === "desk"
      ? await deskRows(db, size, view)
      : await rowsForClaims(db, scope.kind === "article" ? claimsOfArticle(articleId!, view) : oneReadableClaim(scope.id), size, { few: true, view });

  const sourcesByEvent = await loadEventSources(db, rows.map((r) => r.id));
  return {
    subjectTitle,
    articleId,
    events: rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString(), sources: sourcesByEvent.get(r.id) ?? [] })),
  };
}

/**
 * The desk's newest events by a walk that stops at the feed's size. When the walk gives up
 * (most recent events unreadable), by claim instead, starting from the published articles:
 * that costs what the readable claims' timelines cost, at most what this feed cost before the
 * walk (about 300 ms at 100,000 claims), and little when few claims are readable.
 * As published on a day, the same walk from the end of that day. As of a day, no index orders
 * events by effective date, so every event is read once (rowsInEffectOn).
 */
async function deskRows(db: Db, limit: number, view: TimeView | null): Promise<FeedRow[]> {
  if (view?.axis === "effective") return rowsInEffectOn(db, { ...view, axis: "effective" }, limit);
  const picks = await newestReadableEvents(db, limit, view?.day ?? null);
  if (picks) return rowsForPicks(db, picks);
  return rowsForClaims(db, sql`SELECT c.id FROM claim c WHERE ${readableClaimAs(sql`c`)}`, limit, { few: false, view });
}

/**
 * The readable claims of one published article, from its mentions (mention_article_idx); as
 * published on a day, those it showed then: mentions recorded by its end (as the article page).
 */
function claimsOfArticle(articleId: number, view: TimeView | null): SQL {
  const shownThen = view?.axis === "published" ? sql` AND m.created_at <= ${msInstant(endOfDayMs(view.day))}` : sql``;
  return sql`
    SELECT DISTINCT m.claim_id FROM mention m
    JOIN claim c ON c.id = m.claim_id
    JOIN article a ON a.id = m.article_id
    WHERE m.article_id = ${articleId} AND m.deleted_at IS NULL AND c.deleted_at IS NULL AND a.status = 'published'${shownThen}`;
}

function oneReadableClaim(claimId: number): SQL {
  return sql`SELECT c.id FROM claim c WHERE c.id = ${claimId} AND ${readableClaimAs(sql`c`)}`;
}

function clampLimit(limit: number): number {
  return Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : 50;
}
