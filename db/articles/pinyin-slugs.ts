import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { ON_POSTGRES } from "../sql-dialect";
import type { Db, Tx } from "../client";
import { type ArticleScope, changeEachArticle, inArticleScope } from "../data-migrations/article-scope";
import { articles } from "../schema";
import { keepFormerSlug } from "./slug-aliases";
import { resolveSlug } from "./unique-slug";
import { firstRow } from "../rows";

/** A slug with a character outside ASCII: a Chinese title's, as the slugify before pinyin slugs kept it. */
// GLOB on SQLite, a regular expression on PostgreSQL.
const notAscii = ON_POSTGRES ? sql`${articles.slug} ~ ${"[^\u0001-\u007f]"}` : sql`${articles.slug} GLOB ${"*[^\u0001-\u007f]*"}`;

/**
 * The data step of migration 0015 (a data migration, db/data-migrations/: pinyin needs
 * pinyin-pro, which SQL does not have): an article whose slug is not ASCII gets the pinyin slug
 * of its title, and its old slug becomes an alias that redirects, so no published link breaks.
 * Editors can no longer set such slugs (NEW_SLUG_PATTERN), so once done this finds nothing:
 * only a restored backup from before could bring one back, and the import runs it on the
 * restored articles. Idempotent. Returns the ids of the articles it changed.
 */
export async function givePinyinSlugs(db: Db | Tx, scope: ArticleScope = "all"): Promise<number[]> {
  const pending = await db.select({ id: articles.id }).from(articles).where(and(notAscii, inArticleScope(scope))).orderBy(articles.id);
  return changeEachArticle(
    db,
    pending.map((a) => a.id),
    async (tx, id) => {
      const article = await firstRow(tx.select({ slug: articles.slug, title: articles.title, version: articles.version }).from(articles).where(and(eq(articles.id, id), notAscii)));
      if (!article) return false;
      const slug = await resolveSlug(tx, article.title, null, id);
      // A new version: an editor with the form open (holding the old slug) is asked to reload.
      await tx.update(articles).set({ slug, version: article.version + 1 }).where(eq(articles.id, id));
      await keepFormerSlug(tx, null, id, article.slug, slug);
      return true;
    },
  );
}
