import "server-only";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, claims, mentions } from "../schema";
import { type ArticleDto, toArticleDto } from "./article-dto";
import type { ClaimKind } from "../../lib/claim-rules";

export interface EditorArticleListItemDto {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published";
  language: string;
  publishedDate: string | null;
  updatedAt: string;
  mentionCount: number;
}

export function listArticlesForEditor(actor: Actor | null): EditorArticleListItemDto[] {
  const db = getDb();
  authorize(db, actor, EDITOR_ROLES);
  const mentionCount = db
    .select({ articleId: mentions.articleId, n: count().as("n") })
    .from(mentions)
    .where(isNull(mentions.deletedAt))
    .groupBy(mentions.articleId)
    .as("mention_count");
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      language: articles.language,
      publishedDate: articles.publishedDate,
      updatedAt: articles.updatedAt,
      mentionCount: mentionCount.n,
    })
    .from(articles)
    .leftJoin(mentionCount, eq(mentionCount.articleId, articles.id))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .all()
    .map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), mentionCount: a.mentionCount ?? 0 }));
}

export interface EditorArticleClaimDto {
  claimId: number;
  mentionId: number;
  statement: string;
  kind: ClaimKind;
  currentStatus: string;
  exact: string;
  start: number;
  end: number;
  anchorState: "anchored" | "orphaned";
}

export interface EditorArticleDto extends ArticleDto {
  claims: EditorArticleClaimDto[];
}

export function getArticleForEditor(actor: Actor | null, id: number): EditorArticleDto {
  const db = getDb();
  authorize(db, actor, EDITOR_ROLES);
  const article = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!article) throw new NotFoundError("The article");
  const rows = db
    .select({
      claimId: claims.id,
      mentionId: mentions.id,
      statement: claims.statement,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      exact: mentions.exact,
      start: mentions.startOffset,
      end: mentions.endOffset,
      anchorState: mentions.anchorState,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(eq(mentions.articleId, id), isNull(mentions.deletedAt), isNull(claims.deletedAt)))
    .orderBy(asc(mentions.position), asc(mentions.id))
    .all();
  return { ...toArticleDto(article), claims: rows };
}
