import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import type { TextAnchor } from "../../lib/anchor";
import { detectTextLanguage } from "../../lib/article-doc/text-language";
import { NotFoundError } from "../../lib/errors";
import { recordAudit } from "../audit";
import type { Tx } from "../client";
import { articles, claims, mentions, type Mention } from "../schema";

/** Shared reads and writes of the claim verbs. The callers have authorised the actor. */

export function loadArticleText(tx: Tx, articleId: number): { id: number; bodyText: string; publishedDate: string | null; language: string } {
  const article = tx.select({ id: articles.id, bodyText: articles.bodyText, publishedDate: articles.publishedDate, language: articles.language }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw new NotFoundError("The article");
  return article;
}

export function loadLiveClaim(tx: Tx, claimId: number) {
  const claim = tx.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))).get();
  if (!claim) throw new NotFoundError("The claim");
  return claim;
}

export function loadLiveMention(tx: Tx, mentionId: number): Mention {
  const mention = tx.select().from(mentions).where(and(eq(mentions.id, mentionId), isNull(mentions.deletedAt))).get();
  if (!mention) throw new NotFoundError("The mention");
  return mention;
}

/** The language of a mention's quoted words, told against its article's (see detectTextLanguage). */
function quoteLanguage(tx: Tx, articleId: number, exact: string): string | null {
  const article = tx.select({ language: articles.language }).from(articles).where(eq(articles.id, articleId)).get();
  return detectTextLanguage(exact, article?.language);
}

export function insertMention(tx: Tx, actorId: string | null, claimId: number, articleId: number, anchor: TextAnchor): Mention {
  const last = tx
    .select({ position: max(mentions.position) })
    .from(mentions)
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt)))
    .get();
  const mention = tx
    .insert(mentions)
    .values({
      claimId,
      articleId,
      exact: anchor.exact,
      language: quoteLanguage(tx, articleId, anchor.exact),
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      startOffset: anchor.start,
      endOffset: anchor.end,
      position: (last?.position ?? -1) + 1,
      createdBy: actorId,
    })
    .returning()
    .get();
  recordAudit(tx, { actorId, action: "mention.create", entityType: "mention", entityId: mention.id, after: mention });
  return mention;
}

/** Moves a mention onto a new anchor (re-attaching an orphan, or the first half of a split). */
export function moveMention(tx: Tx, actorId: string | null, mention: Mention, anchor: TextAnchor, action: string): Mention {
  const after = tx
    .update(mentions)
    .set({
      exact: anchor.exact,
      language: quoteLanguage(tx, mention.articleId, anchor.exact),
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      startOffset: anchor.start,
      endOffset: anchor.end,
      anchorState: "anchored",
      version: mention.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(mentions.id, mention.id))
    .returning()
    .get();
  recordAudit(tx, { actorId, action, entityType: "mention", entityId: mention.id, before: mention, after });
  return after;
}

/** Gives a mention to another claim (linking or unlinking it), audited; its place in the article is unchanged. */
export function reassignMention(tx: Tx, actorId: string, mention: Mention, claimId: number, action: "mention.link" | "mention.unlink"): Mention {
  const moved = tx.update(mentions).set({ claimId, version: mention.version + 1, updatedAt: new Date() }).where(eq(mentions.id, mention.id)).returning().get();
  recordAudit(tx, { actorId, action, entityType: "mention", entityId: mention.id, before: mention, after: moved });
  return moved;
}
