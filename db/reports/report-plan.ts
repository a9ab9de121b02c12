import "server-only";
import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import { recordedCutoff, type TimeView } from "../../lib/as-of";
import { describeScope, type ReportArticle, reportTitle, type ReportHead, type ReportScope, statusCounts } from "../../lib/reports/report-model";
import type { TrackerQuery } from "../../lib/tracker-query";
import { sqliteClient } from "../engines/sqlite/gated-session";
import type { Db } from "../client";
import { loadTimelines, statusOfTimeline } from "../events/timeline";
import { rawRows } from "../raw-rows";
import { articles, claims, mentions } from "../schema";
import { ON_POSTGRES, withoutIndex } from "../sql-dialect";
import { listStatuses } from "../statuses/list-statuses";
import { trackerClaimsWhere } from "../tracker/search";
import { firstRow } from "../rows";

/**
 * Claims are read this many at a time: it bounds the memory a report needs while it is
 * written, and keeps every `IN (…)` list far below SQLite's limit on bound parameters. Small
 * enough that a batch (about 1,250 events) is garbage before V8's next young-generation
 * collection: with 1,000 claims a batch outlived it and was promoted, and a whole-desk export
 * grew the old generation by about 150 MB between full collections.
 */
export const REPORT_BATCH_SIZE = 250;

/**
 * What a report covers, decided before any claim is written: the claims in report order,
 * each one's status as of the report's day, and the head (articles, totals, the day it
 * stands on). It holds a few numbers per claim, never texts or timelines, so a desk of
 * 100,000 claims plans in a few megabytes.
 */
export interface ReportPlan {
  head: ReportHead;
  claimIds: number[];
  statusById: Map<number, string>;
  /** The article a report of one article is limited to (its claims' other mentions are left out). */
  articleId: number | null;
  /** Mentions and claims recorded after this instant are not part of an as-published report. */
  recordedBy: Date | null;
  /** The view the report stands on, which its timelines are loaded for. */
  view: TimeView | null;
}

interface PlannedClaim {
  id: number;
  claimDate: string | null;
  status: string;
  /** The latest record of the claim included, its creation or an event (ms): the "updated" sort uses it. */
  recordedAt: number;
  /** The latest of its included mentions' creation (ms). */
  mentionsRecordedAt: number;
  /** A claim is in one to a few articles: a list is smaller than a set. */
  articleIds: number[];
  mentionCount: number;
}

/**
 * Null when the report's article is not published. `timelineFacts: false` skips reading
 * events while planning, for formats that write neither the statuses' day nor
 * `generatedFor` (the CSVs); as-of reports and the "updated" sort read them regardless.
 */
export async function planReport(db: Db, scope: ReportScope, view: TimeView | null, options: { timelineFacts?: boolean } = {}): Promise<ReportPlan | null> {
  const asOf = view?.day ?? null;
  let article: { id: number; title: string; outlet: string | null; publishedDate: string | null } | null = null;
  if (scope.kind === "article") {
    article =
      await firstRow(db
        .select({ id: articles.id, title: articles.title, outlet: articles.outlet, publishedDate: articles.publishedDate })
        .from(articles)
        .where(and(eq(articles.slug, scope.slug), eq(articles.status, "published")))) ?? null;
    if (!article) return null;
  }
  // As of a day (effective axis), every claim and mention known now is in; only statuses change.
  const recordedBy = recordedCutoff(view);
  const planned = await plannedClaims(db, scopeWhere(scope, article?.id ?? null), recordedBy, scope.kind === "article");
  const sortsByUpdate = scope.kind === "tracker" && scope.query.sort === "updated";
  if (options.timelineFacts !== false || view !== null || sortsByUpdate) await addTimelineFacts(db, planned, view);

  let selected = [...planned.values()];
  // The tracker's status filter applies to the status as of the report's day, so it is applied here, not in SQL.
  if (scope.kind === "tracker" && scope.query.status.length > 0) selected = selected.filter((c) => scope.query.status.includes(c.status));
  if (scope.kind !== "article") selected.sort(claimOrder(scope.kind === "tracker" ? scope.query : null));

  // A report of one article names it even when it has no claims yet.
  const articleIds = new Set(article ? [article.id] : []);
  for (const claim of selected) for (const id of claim.articleIds) articleIds.add(id);
  const latestRecord = selected.reduce((latest, c) => Math.max(latest, c.recordedAt, c.mentionsRecordedAt), 0);
  const mentionCount = selected.reduce((sum, c) => sum + c.mentionCount, 0);
  return {
    // Same field order as ReportData: the JSON export writes it as it stands.
    head: {
      title: reportTitle(scope, article),
      scope,
      scopeDescription: describeScope(scope, article),
      asOf,
      ...(view?.axis === "effective" ? { timeAxis: "effective" as const } : {}),
      // Nothing recorded at all (an article without claims) stands on the epoch rather than on "now".
      generatedFor: asOf ?? new Date(latestRecord).toISOString(),
      articles: await loadArticles(db, [...articleIds]),
      statuses: (await listStatuses(db)).map((s) => ({ ...s })),
      totals: { claims: selected.length, mentions: mentionCount, byStatus: statusCounts(selected.map((c) => c.status)) },
    },
    claimIds: selected.map((c) => c.id),
    statusById: new Map(selected.map((c) => [c.id, c.status])),
    articleId: article?.id ?? null,
    recordedBy,
    view,
  };
}

/** The claims of the scope, as conditions on `claim` (and, for an article, on the mention's article). */
function scopeWhere(scope: ReportScope, articleId: number | null): SQL | undefined {
  if (scope.kind === "article") return eq(mentions.articleId, articleId!);
  // The status filter is left to planReport: in SQL it could only test today's status.
  if (scope.kind === "tracker") return trackerClaimsWhere(scope.query, { ignoreStatus: true });
  return undefined;
}

/** The mentions a report includes: live, in a published article, of a live claim, recorded by the as-of day. */
export function reportMentionsWhere(recordedBy: Date | null, where: SQL | undefined): SQL | undefined {
  return and(
    isNull(mentions.deletedAt),
    isNull(claims.deletedAt),
    // The unary + keeps SQLite from driving the join from the article status index (every
    // published article's mentions, then filtering claims): 25× slower for a batch of claims.
    sql`${withoutIndex(articles.status)} = 'published'`,
    recordedBy ? lte(claims.createdAt, recordedBy) : undefined,
    recordedBy ? lte(mentions.createdAt, recordedBy) : undefined,
    where,
  );
}

/** Report order for an article and the order mentions are listed in: by article (date, id), then place. */
export const MENTION_ORDER = [asc(articles.publishedDate), asc(articles.id), asc(mentions.position), asc(mentions.id)];

/**
 * One small row per included mention, in one statement; with `inMentionOrder`, claims in order
 * of first mention (an article's report order). Other reports sort their claims afterwards, so
 * they skip the sort of every mention of the desk. A claim with no such mention is not public
 * and is not planned.
 */
async function plannedClaims(db: Db, where: SQL | undefined, recordedBy: Date | null, inMentionOrder: boolean) {
  const select = db
    .select({ claimId: claims.id, claimDate: claims.claimDate, status: claims.currentStatus, claimCreatedAt: claims.createdAt, mentionCreatedAt: mentions.createdAt, articleId: articles.id })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(reportMentionsWhere(recordedBy, where));
  const ordered = inMentionOrder ? select.orderBy(...MENTION_ORDER) : select;
  // Iterated as raw rows on SQLite (timestamps stay milliseconds): a desk has hundreds of
  // thousands of mentions, and holding them all as objects would cost more than the plan
  // itself. PostgreSQL sends them in one reply, read as arrays too (raw-rows.ts).
  const rows = ON_POSTGRES ? await rawRows<PlanRow>(db, ordered) : await iterateOnSqlite(db, ordered.toSQL());
  const planned = new Map<number, PlannedClaim>();
  for (const [claimId, claimDate, status, claimCreatedAt, mentionCreatedAt, articleId] of rows) {
    const claim = planned.get(claimId);
    if (claim) {
      claim.mentionsRecordedAt = Math.max(claim.mentionsRecordedAt, mentionCreatedAt);
      if (!claim.articleIds.includes(articleId)) claim.articleIds.push(articleId);
      claim.mentionCount += 1;
    } else {
      planned.set(claimId, { id: claimId, claimDate, status, recordedAt: claimCreatedAt, mentionsRecordedAt: mentionCreatedAt, articleIds: [articleId], mentionCount: 1 });
    }
  }
  return planned;
}

type PlanRow = [claimId: number, claimDate: string | null, status: string, claimCreatedAtMs: number, mentionCreatedAtMs: number, articleId: number];

async function iterateOnSqlite(db: Db, query: { sql: string; params: unknown[] }): Promise<Iterable<PlanRow>> {
  return (await sqliteClient(db)).prepare(query.sql).raw().iterate(...query.params) as IterableIterator<PlanRow>;
}

/**
 * Each claim's latest event and, in a report of a day, its status then (the stored status is
 * today's). Events only, no sources or authors, a batch at a time.
 */
async function addTimelineFacts(db: Db, planned: Map<number, PlannedClaim>, view: TimeView | null): Promise<void> {
  const ids = [...planned.keys()];
  for (let i = 0; i < ids.length; i += REPORT_BATCH_SIZE) {
    const timelines = await loadTimelines(db, ids.slice(i, i + REPORT_BATCH_SIZE), "public", { view, withSources: false, withAuthors: false });
    for (const [id, timeline] of timelines) {
      const claim = planned.get(id)!;
      for (const event of timeline) claim.recordedAt = Math.max(claim.recordedAt, Date.parse(event.recordedAt));
      if (view) claim.status = statusOfTimeline(timeline, view);
    }
    if (view) {
      // A claim with no event recorded (or in effect) by then was still unverified.
      for (const id of ids.slice(i, i + REPORT_BATCH_SIZE)) if (!timelines.has(id)) planned.get(id)!.status = statusOfTimeline([], view);
    }
  }
}

async function loadArticles(db: Db, ids: number[]): Promise<ReportArticle[]> {
  const found: ReportArticle[] = [];
  for (let i = 0; i < ids.length; i += REPORT_BATCH_SIZE) {
    found.push(...await db.select(ARTICLE_FIELDS).from(articles).where(inArray(articles.id, ids.slice(i, i + REPORT_BATCH_SIZE))));
  }
  return found.sort(compareArticles);
}

const ARTICLE_FIELDS = {
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  outlet: articles.outlet,
  byline: articles.byline,
  language: articles.language,
  publishedDate: articles.publishedDate,
  sourceUrl: articles.sourceUrl,
};

/** Earliest first, undated last, then by slug: the order never depends on insertion. */
function compareArticles(a: ReportArticle, b: ReportArticle): number {
  if (a.publishedDate !== b.publishedDate) {
    if (a.publishedDate === null) return 1;
    if (b.publishedDate === null) return -1;
    return a.publishedDate < b.publishedDate ? -1 : 1;
  }
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * The tracker's sort, applied to what the report stands on: "updated" uses the latest record
 * included (the stored updatedAt could be later than the as-of day). The desk reads in claim
 * date order. Undated claims go last either way; the id breaks ties.
 */
function claimOrder(query: TrackerQuery | null) {
  const sign = query?.order === "desc" ? -1 : 1;
  return (a: PlannedClaim, b: PlannedClaim): number => {
    if (query?.sort === "updated") return sign * (a.recordedAt - b.recordedAt || a.id - b.id);
    if (a.claimDate !== b.claimDate) {
      if (a.claimDate === null) return 1;
      if (b.claimDate === null) return -1;
      return sign * (a.claimDate < b.claimDate ? -1 : 1);
    }
    return sign * (a.id - b.id);
  };
}
