import "server-only";
import { and, asc, count, desc, eq, isNull, lte } from "drizzle-orm";
import { endOfDayMs, recordedCutoff, type TimeView } from "../../lib/as-of";
import { claimStanding } from "../../lib/claim-on-day";
import { formatDate } from "../../lib/format";
import type { ClaimKind } from "../../lib/claim-rules";
import { type Db, getDb } from "../client";
import { loadClaimOrigins } from "../claims/claim-origins";
import { loadTimelines, statusOfTimeline, type TimelineEventDto } from "../events/timeline";
import { type Article, articles, articleSlugAliases, claims, mentions } from "../schema";
import { type ArticleDto, toArticleDto } from "./article-dto";
import { firstRow } from "../rows";

/**
 * Reader-facing reads. Every query here filters on `status = 'published'` in its WHERE
 * clause; reader pages import only from this file and public-claim.ts, so they cannot
 * forget the filter.
 */

export interface PublishedArticleListItemDto {
  slug: string;
  title: string;
  summary: string | null;
  outlet: string | null;
  language: string;
  publishedDate: string | null;
  claimCount: number;
}

export async function listPublishedArticles(): Promise<PublishedArticleListItemDto[]> {
  const db = getDb();
  const claimCount = db
    .select({ articleId: mentions.articleId, n: count().as("n") })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(isNull(mentions.deletedAt), isNull(claims.deletedAt)))
    .groupBy(mentions.articleId)
    .as("claim_count");
  return (await db
    .select({
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      outlet: articles.outlet,
      language: articles.language,
      publishedDate: articles.publishedDate,
      claimCount: claimCount.n,
    })
    .from(articles)
    .leftJoin(claimCount, eq(claimCount.articleId, articles.id))
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedDate), desc(articles.id)))
    .map((a) => ({ ...a, claimCount: a.claimCount ?? 0 }));
}

/** How many articles the tracker's article filter lists: the newest, so the page does not grow with the desk. */
export const ARTICLE_FILTER_SIZE = 20;

/**
 * The tracker's article filter: slug and title of the newest published articles, and of the
 * one selected (by `article=slug`, from an article page or a shared link) when it is older.
 * Read through the (status, published date) index, so it costs the same at any desk size,
 * where listing every article made the page 1.4 MB heavier at 5,000 articles.
 */
export async function listArticleFilterOptions(selectedSlug: string | null): Promise<{ slug: string; title: string; language: string }[]> {
  const newest = await getDb()
    .select({ slug: articles.slug, title: articles.title, language: articles.language })
    .from(articles)
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedDate), desc(articles.id))
    .limit(ARTICLE_FILTER_SIZE);
  if (selectedSlug === null || newest.some((a) => a.slug === selectedSlug)) return newest;
  // An older selection goes first, so the list shows what the page is filtered by.
  const selected = await firstRow(getDb()
    .select({ slug: articles.slug, title: articles.title, language: articles.language })
    .from(articles)
    .where(and(eq(articles.status, "published"), eq(articles.slug, selectedSlug))));
  return selected ? [selected, ...newest] : newest;
}

export interface ArticleClaimDto {
  claimId: number;
  mentionId: number;
  statement: string;
  /** BCP 47, or null on claims older than migration 0016 (detected when rendered). */
  statementLanguage: string | null;
  claimant: string | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  exact: string;
  /** The quoted words' language (null: detect it, against the article's). */
  quoteLanguage: string | null;
  start: number;
  end: number;
  anchorState: "anchored" | "orphaned";
  timeline: TimelineEventDto[];
  /** False when the claim did not exist yet on the view's day (see getPublicClaim): the same answer as its claim page. */
  tracked: boolean;
  /** Why, in words, when not tracked. */
  notice: string | null;
}

export interface PublishedArticleDto extends Omit<ArticleDto, "version"> {
  claims: ArticleClaimDto[];
  /** The day of an "as of" view (effective dates), or null. */
  asOf: string | null;
  /** The day of an "as published" view (recorded time), or null. */
  published: string | null;
  /** Said in words when the article did not exist yet on the view's day ("This article was published on 16 May 2023, …"), else null. */
  notice: string | null;
}

/**
 * A published article with its claims. As published on a day: the claims and statuses as
 * recorded by the end of that day. As of a day: every claim it makes now, each with the
 * status it had on that day by effective date. Each claim's status and standing come from the
 * same functions as its claim page's (statusOfTimeline, claimStanding), so the two agree.
 */
export async function getPublishedArticle(slug: string, options: { view?: TimeView | null } = {}): Promise<PublishedArticleDto | null> {
  const db = getDb();
  const article = await firstRow(db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.status, "published"))));
  if (!article) return null;
  return readerView(db, article, options.view ?? null);
}

/**
 * The current slug of the published article that used to answer to `slug` (its title or slug
 * changed since), for a redirect; null if none. A draft's new slug is never told: it names
 * a title readers have not seen.
 */
export async function publishedSlugOfFormer(slug: string): Promise<string | null> {
  const row = await firstRow(getDb()
    .select({ slug: articles.slug })
    .from(articleSlugAliases)
    .innerJoin(articles, eq(articles.id, articleSlugAliases.articleId))
    .where(and(eq(articleSlugAliases.slug, slug), eq(articles.status, "published"))));
  return row?.slug ?? null;
}

/**
 * An article with its claims as readers see it (public timelines only). Reader code reaches it
 * only through getPublishedArticle; the editor's preview (article-preview.ts) renders a draft
 * with it, so the preview is exactly the reader page.
 */
export async function readerView(db: Db, article: Article, view: TimeView | null): Promise<PublishedArticleDto> {
  const cutoff = recordedCutoff(view);
  const rows = await db
    .select({
      claimId: claims.id,
      mentionId: mentions.id,
      statement: claims.statement,
      statementLanguage: claims.statementLanguage,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      exact: mentions.exact,
      quoteLanguage: mentions.language,
      start: mentions.startOffset,
      end: mentions.endOffset,
      anchorState: mentions.anchorState,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(
      and(
        eq(mentions.articleId, article.id),
        isNull(mentions.deletedAt),
        isNull(claims.deletedAt),
        cutoff ? lte(mentions.createdAt, cutoff) : undefined,
      ),
    )
    .orderBy(asc(mentions.position), asc(mentions.id));
  const claimIds = [...new Set(rows.map((r) => r.claimId))];
  const timelines = await loadTimelines(db, claimIds, "public", { view });
  const origins = view ? await loadClaimOrigins(db, claimIds) : null;
  const { version: _version, ...dto } = toArticleDto(article);
  return {
    ...dto,
    asOf: view?.axis === "effective" ? view.day : null,
    published: view?.axis === "published" ? view.day : null,
    notice: articleNotice(article, view),
    claims: rows.map((r) => {
      const timeline = timelines.get(r.claimId) ?? [];
      const origin = origins?.get(r.claimId);
      const standing = origin ? claimStanding(origin, view) : { existed: true, notice: null };
      return { ...r, currentStatus: view ? statusOfTimeline(timeline, view) : r.currentStatus, timeline, tracked: standing.existed, notice: standing.notice };
    }),
  };
}

/** The article's own "did not exist yet" sentence: not yet published by its outlet (as of a day), or not yet on Claimline (as published on a day). */
function articleNotice(article: { publishedDate: string | null; createdAt: Date }, view: TimeView | null): string | null {
  if (view?.axis === "effective" && article.publishedDate !== null && article.publishedDate > view.day) {
    return `This article was first published on ${formatDate(article.publishedDate)}, after ${formatDate(view.day)}.`;
  }
  if (view?.axis === "published" && article.createdAt.getTime() > endOfDayMs(view.day)) {
    return `Claimline started tracking this article on ${formatDate(article.createdAt.toISOString())}: it was not on Claimline yet on ${formatDate(view.day)}.`;
  }
  return null;
}
