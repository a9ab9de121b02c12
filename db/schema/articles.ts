import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ArticleDoc } from "../../lib/article-doc/types";
import { BODY_FORMATS } from "../../lib/article-doc/types";
import { ARTICLE_STATUSES } from "../../lib/claim-rules";
import { nowMs, user } from "./auth";

export const articles = sqliteTable(
  "article",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** A short summary, e.g. the English summary of a Chinese article. */
    summary: text("summary"),
    sourceUrl: text("source_url"),
    outlet: text("outlet"),
    byline: text("byline"),
    /** BCP 47 tag, e.g. zh-Hans, en. */
    language: text("language").notNull(),
    /** YYYY-MM-DD. */
    publishedDate: text("published_date"),
    /** The body as the editor supplied it (HTML is stored sanitized). */
    body: text("body").notNull(),
    bodyFormat: text("body_format", { enum: BODY_FORMATS }).notNull().default("plain"),
    /** The body parsed into blocks: what readers and the workbench render. Derived from body. */
    bodyDoc: text("body_doc", { mode: "json" }).$type<ArticleDoc>(),
    /** The rendered text of bodyDoc: mention offsets index into this. Derived from body. */
    bodyText: text("body_text").notNull().default(""),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    /** Optimistic concurrency: incremented on every update. */
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [index("article_status_idx").on(t.status, t.publishedDate)],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

/**
 * Addresses an article had before its slug changed (a title edit, or pinyin slugs replacing
 * Chinese ones in migration 0015): each redirects to the article's current slug, so a
 * published link never breaks. Triggers keep a slug unique across aliases and current slugs.
 */
export const articleSlugAliases = sqliteTable(
  "article_slug_alias",
  {
    slug: text("slug").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [index("article_slug_alias_article_idx").on(t.articleId)],
);

export type ArticleSlugAlias = typeof articleSlugAliases.$inferSelect;
