import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DatePrecision } from "../../lib/dates";
import { getDb } from "../client";
import type { SourceDto } from "../events/timeline";
import { articles, claims, eventSources, sources } from "../schema";

export type FeedScope = { kind: "desk" } | { kind: "article"; slug: string } | { kind: "claim"; id: number };

export interface FeedEventDto {
  id: number;
  /** The claim whose public timeline shows the event: for a merged claim's event, the claim it was merged into. */
  claimId: number;
  statement: string;
  statusKey: string;
  effectiveDate: string;
  effectivePrecision: DatePrecision;
  rationale: string | null;
  correctsEventId: number | null;
  recordedAt: string;
  sources: SourceDto[];
}

export interface FeedEventsDto {
  /** The article's title or the claim's statement; null for the desk feed. */
  subjectTitle: string | null;
  /** Newest first by recorded time. */
  events: FeedEventDto[];
}

const MAX_LIMIT = 200;

/**
 * The latest published status events for a reader-facing feed, in three queries at most
 * (the scope's subject, the events, their sources). A claim counts when it is not deleted
 * and has a live mention in a published article, as on the reader pages; a merged claim's
 * events count for the claim it was merged into. Drafts are filtered in the WHERE clause
 * and the internal note is never selected. Null when the article or claim is not public.
 */
export function feedEvents(scope: { kind: "desk" }, limit?: number): FeedEventsDto;
export function feedEvents(scope: FeedScope, limit?: number): FeedEventsDto | null;
export function feedEvents(scope: FeedScope, limit = 50): FeedEventsDto | null {
  const db = getDb();
  let subjectTitle: string | null = null;
  let articleId: number | null = null;
  if (scope.kind === "article") {
    const article = db
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .where(and(eq(articles.slug, scope.slug), eq(articles.status, "published")))
      .get();
    if (!article) return null;
    [articleId, subjectTitle] = [article.id, article.title];
  } else if (scope.kind === "claim") {
    const claim = db
      .select({ statement: claims.statement })
      .from(claims)
      .where(and(eq(claims.id, scope.id), isNull(claims.deletedAt), sql`EXISTS (${liveMentionInPublishedArticle(sql`${claims.id}`)})`))
      .get();
    if (!claim) return null;
    subjectTitle = claim.statement;
  }

  const rows = db.all<EventRow>(sql`
    WITH RECURSIVE visible(id) AS (
      SELECT c.id FROM claim c
      WHERE c.deleted_at IS NULL
        AND EXISTS (${liveMentionInPublishedArticle(sql`c.id`, articleId)})
        ${scope.kind === "claim" ? sql`AND c.id = ${scope.id}` : sql``}
    ),
    -- Merging never moves events: a retired claim's events belong to the claim it was merged into.
    owned(id, owner) AS (
      SELECT id, id FROM visible
      UNION ALL
      SELECT claim.id, owned.owner FROM claim JOIN owned ON claim.merged_into_id = owned.id
    )
    SELECT e.id, owned.owner AS claimId, survivor.statement, e.status_key AS statusKey,
           e.effective_date AS effectiveDate, e.effective_precision AS effectivePrecision,
           e.rationale, e.corrects_event_id AS correctsEventId, e.recorded_at AS recordedAt
    FROM status_event e
    JOIN owned ON owned.id = e.claim_id
    JOIN claim survivor ON survivor.id = owned.owner
    WHERE e.visibility = 'published'
    ORDER BY e.recorded_at DESC, e.id DESC
    LIMIT ${clampLimit(limit)}`);

  const sourcesByEvent = loadSources(rows.map((r) => r.id));
  return {
    subjectTitle,
    events: rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString(), sources: sourcesByEvent.get(r.id) ?? [] })),
  };
}

type EventRow = Omit<FeedEventDto, "recordedAt" | "sources"> & { recordedAt: number };

/** A correlated subquery: the claim has a mention that is not deleted, in a published article (that one, when given). */
function liveMentionInPublishedArticle(claimId: ReturnType<typeof sql>, articleId: number | null = null) {
  return sql`
    SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = ${claimId} AND m.deleted_at IS NULL AND a.status = 'published'
    ${articleId === null ? sql`` : sql`AND a.id = ${articleId}`}`;
}

function clampLimit(limit: number): number {
  return Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : 50;
}

function loadSources(eventIds: number[]): Map<number, SourceDto[]> {
  const byEvent = new Map<number, SourceDto[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = getDb()
    .select({ eventId: eventSources.eventId, url: sources.url, title: sources.title, publisher: sources.publisher, publishedDate: sources.publishedDate, archivedUrl: sources.archivedUrl })
    .from(eventSources)
    .innerJoin(sources, eq(sources.id, eventSources.sourceId))
    .where(inArray(eventSources.eventId, eventIds))
    .orderBy(asc(eventSources.eventId), asc(eventSources.position))
    .all();
  for (const { eventId, ...source } of rows) {
    const list = byEvent.get(eventId) ?? [];
    list.push(source);
    byEvent.set(eventId, list);
  }
  return byEvent;
}
