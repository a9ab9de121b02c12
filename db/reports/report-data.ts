import "server-only";
import { and, asc, eq, isNull, lte, type SQL } from "drizzle-orm";
import { endOfDayMs } from "../../lib/as-of";
import { describeScope, type ReportArticle, type ReportClaim, type ReportData, type ReportMention, type ReportScope } from "../../lib/reports/report-model";
import type { TrackerQuery } from "../../lib/tracker-query";
import { getDb } from "../client";
import { loadTimelines, statusOfTimeline } from "../events/timeline";
import { articles, claims, mentions } from "../schema";
import { listStatuses } from "../statuses/list-statuses";
import { trackerClaimsWhere } from "../tracker/search";

/**
 * The data of a verification report: the claims of one published article, of a tracker
 * query (every match, not one page) or of the whole desk, each with its live mentions in
 * published articles and its published timeline. With `asOf`, only what had been recorded by
 * the end of that day counts (claims, mentions, events and so statuses), so the report of a
 * day is the same bytes whenever it is produced.
 *
 * At most six statements whatever the size (article, claims with their mentions, timeline owners,
 * events, sources, statuses), in one read transaction so they all see the same snapshot while
 * editors write. Null when the article is not published.
 */
export function loadReport(scope: ReportScope, options: { asOf?: string | null } = {}): ReportData | null {
  const db = getDb();
  const asOf = options.asOf ?? null;
  return db.transaction(() => {
    let article: (ReportArticle & { id: number }) | null = null;
    if (scope.kind === "article") {
      article = db.select(ARTICLE_FIELDS).from(articles).where(and(eq(articles.slug, scope.slug), eq(articles.status, "published"))).get() ?? null;
      if (!article) return null;
    }
    const rows = loadClaimMentionRows(scopeWhere(scope, article?.id ?? null), asOf);
    const claimIds = [...new Set(rows.map((r) => r.claimId))];
    const timelines = loadTimelines(db, claimIds, "public", { asOf });
    const statuses = listStatuses();
    const labels = new Map(statuses.map((s) => [s.key, s]));

    const claimsById = new Map<number, ReportClaim & { recordedAt: number }>();
    const articlesById = new Map<number, ReportArticle>(article ? [[article.id, withoutId(article)]] : []);
    let latestRecord = 0;
    for (const row of rows) {
      latestRecord = Math.max(latestRecord, row.claimCreatedAt.getTime(), row.mentionCreatedAt.getTime());
      articlesById.set(row.article.id, withoutId(row.article));
      let claim = claimsById.get(row.claimId);
      if (!claim) {
        const timeline = timelines.get(row.claimId) ?? [];
        // The stored status is the current one; an as-of report recomputes it from what existed then.
        const currentStatus = asOf ? statusOfTimeline(timelines.get(row.claimId) ?? []) : row.currentStatus;
        const status = labels.get(currentStatus);
        claim = {
          id: row.claimId,
          statement: row.statement,
          claimant: row.claimant,
          claimDate: row.claimDate,
          kind: row.kind,
          currentStatus,
          statusLabel: status?.labelEn ?? currentStatus,
          rating: status?.ratingValue ?? null,
          mentions: [],
          timeline,
          recordedAt: Math.max(row.claimCreatedAt.getTime(), ...timeline.map((e) => Date.parse(e.recordedAt))),
        };
        claimsById.set(row.claimId, claim);
      }
      claim.mentions.push(row.mention);
    }

    let selected = [...claimsById.values()];
    for (const claim of selected) latestRecord = Math.max(latestRecord, claim.recordedAt);
    // The tracker's status filter applies to the status as of the report's day, so it is applied here, not in SQL.
    if (scope.kind === "tracker" && scope.query.status.length > 0) selected = selected.filter((c) => scope.query.status.includes(c.currentStatus));
    if (scope.kind !== "article") selected.sort(claimOrder(scope.kind === "tracker" ? scope.query : null));

    return {
      title: article ? `Verification report: ${article.title}` : scope.kind === "desk" ? "Verification report: all published claims" : "Verification report: tracker selection",
      scope,
      scopeDescription: describeScope(scope, article),
      asOf,
      // Nothing recorded at all (an article without claims) stands on the epoch rather than on "now".
      generatedFor: asOf ?? new Date(latestRecord).toISOString(),
      articles: [...articlesById.values()].sort(compareArticles),
      claims: selected.map(({ recordedAt: _recordedAt, ...claim }) => claim),
      statuses: statuses.map((s) => ({ ...s })),
    };
  });
}

const ARTICLE_FIELDS = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  outlet: articles.outlet,
  byline: articles.byline,
  language: articles.language,
  publishedDate: articles.publishedDate,
  sourceUrl: articles.sourceUrl,
};

/** The claims of the scope, as conditions on `claim` (and, for an article, on the mention's article). */
function scopeWhere(scope: ReportScope, articleId: number | null): SQL | undefined {
  if (scope.kind === "article") return eq(mentions.articleId, articleId!);
  // The status filter is left to loadReport: in SQL it could only test today's status.
  if (scope.kind === "tracker") return trackerClaimsWhere(scope.query, { ignoreStatus: true });
  return undefined;
}

/**
 * One row per live mention in a published article of a claim in scope, with its claim and
 * article: one statement for all claims. A claim with no such mention is not public and
 * gets no row. Ordered by article (date, then id) and the mention's place in it.
 */
function loadClaimMentionRows(where: SQL | undefined, asOf: string | null) {
  const recordedBy = asOf ? new Date(endOfDayMs(asOf)) : null;
  return getDb()
    .select({
      claimId: claims.id,
      statement: claims.statement,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      claimCreatedAt: claims.createdAt,
      mentionCreatedAt: mentions.createdAt,
      mention: {
        mentionId: mentions.id,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        articleUrl: articles.sourceUrl,
        exact: mentions.exact,
        prefix: mentions.prefix,
        suffix: mentions.suffix,
        start: mentions.startOffset,
        end: mentions.endOffset,
        anchorState: mentions.anchorState,
      },
      article: ARTICLE_FIELDS,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(
      and(
        isNull(mentions.deletedAt),
        isNull(claims.deletedAt),
        eq(articles.status, "published"),
        recordedBy ? lte(claims.createdAt, recordedBy) : undefined,
        recordedBy ? lte(mentions.createdAt, recordedBy) : undefined,
        where,
      ),
    )
    .orderBy(asc(articles.publishedDate), asc(articles.id), asc(mentions.position), asc(mentions.id))
    .all() satisfies { mention: ReportMention }[];
}

function withoutId({ id: _id, ...article }: ReportArticle & { id: number }): ReportArticle {
  return article;
}

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
  return (a: ReportClaim & { recordedAt: number }, b: ReportClaim & { recordedAt: number }): number => {
    if (query?.sort === "updated") return sign * (a.recordedAt - b.recordedAt || a.id - b.id);
    if (a.claimDate !== b.claimDate) {
      if (a.claimDate === null) return 1;
      if (b.claimDate === null) return -1;
      return sign * (a.claimDate < b.claimDate ? -1 : 1);
    }
    return sign * (a.id - b.id);
  };
}
