import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, mentions, reviewRequests } from "../schema";

export interface EditorArticleListItemDto {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published";
  language: string;
  publishedDate: string | null;
  updatedAt: string;
  mentionCount: number;
  /** A draft waiting for a second editor's approval. */
  pendingReview: boolean;
}

export async function listArticlesForEditor(actor: Actor | null): Promise<EditorArticleListItemDto[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const mentionCount = db
    .select({ articleId: mentions.articleId, n: count().as("n") })
    .from(mentions)
    .where(isNull(mentions.deletedAt))
    .groupBy(mentions.articleId)
    .as("mention_count");
  return (await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      language: articles.language,
      publishedDate: articles.publishedDate,
      updatedAt: articles.updatedAt,
      mentionCount: mentionCount.n,
      reviewId: reviewRequests.id,
    })
    .from(articles)
    .leftJoin(mentionCount, eq(mentionCount.articleId, articles.id))
    // At most one open review per article (a partial unique index), so this join adds no rows.
    .leftJoin(reviewRequests, and(eq(reviewRequests.subjectType, "article"), eq(reviewRequests.subjectId, articles.id), isNull(reviewRequests.outcome)))
    .orderBy(desc(articles.updatedAt), desc(articles.id)))
    .map(({ reviewId, ...a }) => ({ ...a, updatedAt: a.updatedAt.toISOString(), mentionCount: a.mentionCount ?? 0, pendingReview: reviewId !== null }));
}
