import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { type ArticleScope, changeEachArticle, inArticleScope } from "../data-migrations/article-scope";
import { articles } from "../schema";
import { deriveBody } from "../../lib/article-doc/derive-body";
import { reanchorMentions } from "./update-article";
import { firstRow } from "../rows";

/**
 * The data step of migration 0002 (a data migration, db/data-migrations/): articles saved
 * before bodies were parsed into documents get their document and rendered text; mentions
 * follow if the text changed. Idempotent: an article with a document is not looked at.
 * Returns the ids it changed.
 */
export async function backfillDerivedBodies(db: Db | Tx, scope: ArticleScope = "all"): Promise<number[]> {
  const pending = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(isNull(articles.bodyDoc), inArticleScope(scope)))
    .orderBy(articles.id);
  return changeEachArticle(
    db,
    pending.map((a) => a.id),
    async (tx, id) => {
      const article = await firstRow(tx.select({ body: articles.body, bodyFormat: articles.bodyFormat, bodyDoc: articles.bodyDoc }).from(articles).where(eq(articles.id, id)));
      if (!article || article.bodyDoc !== null) return false;
      const derived = deriveBody(article.body, article.bodyFormat);
      await tx.update(articles).set({ bodyDoc: derived.bodyDoc, bodyText: derived.bodyText }).where(eq(articles.id, id));
      if (derived.bodyText !== article.body) await reanchorMentions(tx, null, id, derived.bodyText);
      return true;
    },
  );
}
