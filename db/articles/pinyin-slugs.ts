import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles } from "../schema";
import { keepFormerSlug } from "./slug-aliases";
import { resolveSlug } from "./unique-slug";

/**
 * The data step of migration 0015, run each time the database is opened (after the
 * migrations; pinyin needs pinyin-pro, which SQL does not have): an article whose slug is not
 * ASCII (a Chinese title's, from before pinyin slugs) gets the pinyin slug of its title, and
 * its old slug becomes an alias that redirects, so no published link breaks. Editors can no
 * longer set such slugs (NEW_SLUG_PATTERN), so once done this finds nothing: only a restored
 * backup from before could bring one back, and then it is given its pinyin slug the same way.
 * Returns how many articles changed.
 */
export function givePinyinSlugs(db: Db): number {
  const pending = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, version: articles.version })
    .from(articles)
    .where(sql`${articles.slug} GLOB ${"*[^\u0001-\u007f]*"}`)
    .all();
  for (const article of pending) {
    db.transaction((tx) => {
      const slug = resolveSlug(tx, article.title, null, article.id);
      // A new version: an editor with the form open (holding the old slug) is asked to reload.
      tx.update(articles).set({ slug, version: article.version + 1 }).where(eq(articles.id, article.id)).run();
      keepFormerSlug(tx, null, article.id, article.slug, slug);
    });
  }
  return pending.length;
}
