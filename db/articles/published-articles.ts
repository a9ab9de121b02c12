import "server-only";
import { and, asc, count, desc, eq, isNull, lte } from "drizzle-orm";
import { endOfDayMs } from "../../lib/as-of";
import type { ClaimKind } from "../../lib/claim-rules";
import { type Db, getDb } from "../client";
import { loadTimelines, statusOfTimeline, type TimelineEventDto } from "../events/timeline";
import { type Article, articles, claims, mentions } from "../schema";
import { type ArticleDto, toArticleDto } from "./article-dto";

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

export function listPublishedArticles(): PublishedArticleListItemDto[] {
  const db = getDb();
  const claimCount = db
    .select({ articleId: mentions.articleId, n: count().as("n") })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(isNull(mentions.deletedAt), isNull(claims.deletedAt)))
    .groupBy(mentions.articleId)
    .as("claim_count");
  return db
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
    .orderBy(desc(articles.publishedDate), desc(articles.id))
    .all()
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
export function listArticleFilterOptions(selectedSlug: string | null): { slug: string; title: string }[] {
  const newest = getDb()
    .select({ slug: articles.slug, title: articles.title })
    .from(articles)
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedDate), desc(articles.id))
    .limit(ARTICLE_FILTER_SIZE)
    .all();
  if (selectedSlug === null || newest.some((a) => a.slug === selectedSlug)) return newest;
  // An older selection goes first, so the list shows what the page is filtered by.
  const selected = getDb()
    .select({ slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(eq(articles.status, "published"), eq(articles.slug, selectedSlug)))
    .get();
  return selected ? [selected, ...newest] : newest;
}

export interface ArticleClaimDto {
  claimId: number;
  mentionId: number;
  statement: string;
  claimant: string | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  exact: string;
  start: number;
  end: number;
  anchorState: "anchored" | "orphaned";
  timeline: TimelineEventDto[];
}

export interface PublishedArticleDto extends Omit<ArticleDto, "version"> {
  claims: ArticleClaimDto[];
  /** The day this view stands on, when it is an as-of view. */
  asOf: string | null;
}

/** A published article with its claims; with `asOf`, the claims and statuses as recorded by the end of that day. */
export function getPublishedArticle(slug: string, options: { asOf?: string | null } = {}): PublishedArticleDto | null {
  const db = getDb();
  const asOf = options.asOf ?? null;
  const article = db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.status, "published")))
    .get();
  if (!article) return null;
  return readerView(db, article, asOf);
}

/**
 * An article with its claims as readers see it (public timelines only). Reader code reaches it
 * only through getPublishedArticle; the editor's preview (article-preview.ts) renders a draft
 * with it, so the preview is exactly the reader page.
 */
export function readerView(db: Db, article: Article, asOf: string | null): PublishedArticleDto {
  const rows = db
    .select({
      claimId: claims.id,
      mentionId: mentions.id,
      statement: claims.statement,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      exact: mentions.exact,
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
        asOf ? lte(mentions.createdAt, new Date(endOfDayMs(asOf))) : undefined,
      ),
    )
    .orderBy(asc(mentions.position), asc(mentions.id))
    .all();
  const timelines = loadTimelines(db, [...new Set(rows.map((r) => r.claimId))], "public", { asOf });
  const { version: _version, ...dto } = toArticleDto(article);
  return {
    ...dto,
    asOf,
    claims: rows.map((r) => {
      const timeline = timelines.get(r.claimId) ?? [];
      return { ...r, currentStatus: asOf ? statusOfTimeline(timeline) : r.currentStatus, timeline };
    }),
  };
}
