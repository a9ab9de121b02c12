import "server-only";
import { eq } from "drizzle-orm";
import { deriveBody } from "../../lib/article-doc/derive-body";
import { anchorCarrier } from "../../lib/carry-anchor";
import { recordAudit } from "../audit";
import { moveArticleMentions } from "../mentions/move-mentions";
import type { Db, Tx } from "../client";
import { type ArticleScope, changeEachArticle, inArticleScope } from "../data-migrations/article-scope";
import { articles } from "../schema";
import { firstRow, returnedRow } from "../rows";

/**
 * Re-derives every article whose rendered text differs under today's parsing rules (the CJK
 * line-joining rule turned "270 亿美元" into "270亿美元"), one article per transaction with its
 * mentions and audit rows (the data step of migration 0014). Articles whose text is unchanged
 * are not touched, so running it again does nothing. Returns the ids of the articles it changed.
 */
export async function rederiveArticleBodies(db: Db | Tx, scope: ArticleScope = "all"): Promise<number[]> {
  const ids = await db.select({ id: articles.id }).from(articles).where(inArticleScope(scope)).orderBy(articles.id);
  return changeEachArticle(
    db,
    ids.map((a) => a.id),
    rederiveArticleBody,
  );
}

/**
 * One article: the document and text are derived again from the stored body (the body itself,
 * what the editor supplied, is unchanged), the version moves on so an editor's open copy is
 * seen as stale, and updatedAt stays: nobody edited the article. Written as updateArticle
 * writes a body (same columns, mentions carried, audit in the transaction); the claim search
 * index follows through its triggers.
 */
export async function rederiveArticleBody(tx: Tx, id: number): Promise<boolean> {
  const before = await firstRow(tx.select().from(articles).where(eq(articles.id, id)));
  if (!before || before.bodyDoc === null) return false;
  const derived = deriveBody(before.body, before.bodyFormat);
  if (derived.bodyText === before.bodyText) return false;
  const after = await returnedRow(tx
    .update(articles)
    .set({ bodyDoc: derived.bodyDoc, bodyText: derived.bodyText, version: before.version + 1 })
    .where(eq(articles.id, id))
    .returning());
  await carryMentions(tx, id, before.bodyText, after.bodyText);
  await recordAudit(tx, { actorId: null, action: "article.rederive", entityType: "article", entityId: id, before, after });
  return true;
}

/** Moves each live mention onto the re-derived text (see anchorCarrier), or orphans it. */
async function carryMentions(tx: Tx, articleId: number, oldText: string, newText: string): Promise<void> {
  const carry = anchorCarrier(oldText, newText);
  await moveArticleMentions(tx, null, articleId, (mention) => {
    const anchor = carry(mention);
    return anchor ? { startOffset: anchor.start, endOffset: anchor.end, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix } : null;
  });
}
