import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import type { TextAnchor } from "../../lib/anchor";
import { detectTextLanguage } from "../../lib/article-doc/text-language";
import { NotFoundError } from "../../lib/errors";
import { recordAudit } from "../audit";
import type { Tx } from "../client";
import { articles, claims, mentions, type Mention } from "../schema";
import { firstRow, returnedRow } from "../rows";

/** Shared reads and writes of the claim verbs. The callers have authorised the actor. */

export async function loadArticleText(tx: Tx, articleId: number): Promise<{ id: number; bodyText: string; publishedDate: string | null; language: string }> {
  const article = await firstRow(tx.select({ id: articles.id, bodyText: articles.bodyText, publishedDate: articles.publishedDate, language: articles.language }).from(articles).where(eq(articles.id, articleId)));
  if (!article) throw new NotFoundError("The article");
  return article;
}

export async function loadLiveClaim(tx: Tx, claimId: number) {
  const claim = await firstRow(tx.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))));
  if (!claim) throw new NotFoundError("The claim");
  return claim;
}

export async function loadLiveMention(tx: Tx, mentionId: number): Promise<Mention> {
  const mention = await firstRow(tx.select().from(mentions).where(and(eq(mentions.id, mentionId), isNull(mentions.deletedAt))));
  if (!mention) throw new NotFoundError("The mention");
  return mention;
}

/** The language of a mention's quoted words, told against its article's (see detectTextLanguage). */
async function quoteLanguage(tx: Tx, articleId: number, exact: string): Promise<string | null> {
  const article = await firstRow(tx.select({ language: articles.language }).from(articles).where(eq(articles.id, articleId)));
  return detectTextLanguage(exact, article?.language);
}

export async function insertMention(tx: Tx, actorId: string | null, claimId: number, articleId: number, anchor: TextAnchor): Promise<Mention> {
  const last = await firstRow(tx
    .select({ position: max(mentions.position) })
    .from(mentions)
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt))));
  const mention = await returnedRow(tx
    .insert(mentions)
    .values({
      claimId,
      articleId,
      exact: anchor.exact,
      language: await quoteLanguage(tx, articleId, anchor.exact),
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      startOffset: anchor.start,
      endOffset: anchor.end,
      position: (last?.position ?? -1) + 1,
      createdBy: actorId,
    })
    .returning());
  await recordAudit(tx, { actorId, action: "mention.create", entityType: "mention", entityId: mention.id, after: mention });
  return mention;
}

/** Moves a mention onto a new anchor (re-attaching an orphan, or the first half of a split). */
export async function moveMention(tx: Tx, actorId: string | null, mention: Mention, anchor: TextAnchor, action: string): Promise<Mention> {
  const after = await returnedRow(tx
    .update(mentions)
    .set({
      exact: anchor.exact,
      language: await quoteLanguage(tx, mention.articleId, anchor.exact),
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      startOffset: anchor.start,
      endOffset: anchor.end,
      anchorState: "anchored",
      version: mention.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(mentions.id, mention.id))
    .returning());
  await recordAudit(tx, { actorId, action, entityType: "mention", entityId: mention.id, before: mention, after });
  return after;
}

/** Gives a mention to another claim (linking or unlinking it), audited; its place in the article is unchanged. */
export async function reassignMention(tx: Tx, actorId: string, mention: Mention, claimId: number, action: "mention.link" | "mention.unlink"): Promise<Mention> {
  const moved = await returnedRow(tx.update(mentions).set({ claimId, version: mention.version + 1, updatedAt: new Date() }).where(eq(mentions.id, mention.id)).returning());
  await recordAudit(tx, { actorId, action, entityType: "mention", entityId: mention.id, before: mention, after: moved });
  return moved;
}
