import type { ArticleDoc, BodyFormat } from "../../lib/article-doc/types";
import type { Article } from "../schema";

export interface ArticleDto {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  sourceUrl: string | null;
  outlet: string | null;
  byline: string | null;
  language: string;
  publishedDate: string | null;
  body: string;
  bodyFormat: BodyFormat;
  /** What to render; mention offsets index into bodyText. */
  bodyDoc: ArticleDoc;
  bodyText: string;
  status: "draft" | "published";
  version: number;
  updatedAt: string;
}

export function toArticleDto(row: Article): ArticleDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    sourceUrl: row.sourceUrl,
    outlet: row.outlet,
    byline: row.byline,
    language: row.language,
    publishedDate: row.publishedDate,
    body: row.body,
    bodyFormat: row.bodyFormat,
    bodyDoc: row.bodyDoc ?? { version: 1, blocks: [] },
    bodyText: row.bodyText,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
