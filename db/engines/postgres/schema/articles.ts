import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import type { ArticleDoc } from "../../../../lib/article-doc/types";
import { BODY_FORMATS } from "../../../../lib/article-doc/types";
import { ARTICLE_STATUSES } from "../../../../lib/claim-rules";
import { user } from "./auth";
import { jsonText, serialId, timestampMs } from "./columns";

/** db/schema/articles.ts on PostgreSQL (the comments there say what each column means). */
export const articles = pgTable(
  "article",
  {
    id: serialId(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary"),
    sourceUrl: text("source_url"),
    outlet: text("outlet"),
    byline: text("byline"),
    language: text("language").notNull(),
    publishedDate: text("published_date"),
    body: text("body").notNull(),
    bodyFormat: text("body_format", { enum: BODY_FORMATS }).notNull().default("plain"),
    bodyDoc: jsonText<ArticleDoc>("body_doc"),
    bodyText: text("body_text").notNull().default(""),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull().defaultNow(),
    updatedAt: timestampMs("updated_at").notNull().defaultNow(),
  },
  (t) => [index("article_status_idx").on(t.status, t.publishedDate)],
);

export const articleSlugAliases = pgTable(
  "article_slug_alias",
  {
    slug: text("slug").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    createdAt: timestampMs("created_at").notNull().defaultNow(),
  },
  (t) => [index("article_slug_alias_article_idx").on(t.articleId)],
);
