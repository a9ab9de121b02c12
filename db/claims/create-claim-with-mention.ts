import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import { anchorQuote } from "../../lib/anchor";
import { NotFoundError, ValidationError } from "../../lib/errors";
import type { ClaimWithMentionInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { articles, claims, mentions } from "../schema";
import { writeTransaction } from "../transaction";

export interface CreatedClaimDto {
  claimId: number;
  mentionId: number;
  start: number;
  end: number;
}

/** Creates a claim and its first mention, anchored to the quoted words. The caller has authorised `actorId`. */
export function insertClaimWithMention(tx: Tx, actorId: string | null, input: ClaimWithMentionInput): CreatedClaimDto {
  const article = tx.select({ id: articles.id, bodyText: articles.bodyText }).from(articles).where(eq(articles.id, input.articleId)).get();
  if (!article) throw new NotFoundError("The article");
  const found = anchorQuote(article.bodyText, input.quote, input.occurrence - 1);
  if (!found.ok) {
    const message = found.reason === "empty" ? "Quote the words that make the claim." : "Those words do not appear in the article. Copy them exactly from the body.";
    throw new ValidationError(message, { quote: message });
  }
  const claim = tx
    .insert(claims)
    .values({ statement: input.statement, claimant: input.claimant, claimDate: input.claimDate, kind: input.kind, createdBy: actorId, updatedBy: actorId })
    .returning()
    .get();
  const last = tx
    .select({ position: max(mentions.position) })
    .from(mentions)
    .where(and(eq(mentions.articleId, article.id), isNull(mentions.deletedAt)))
    .get();
  const { anchor } = found;
  const mention = tx
    .insert(mentions)
    .values({
      claimId: claim.id,
      articleId: article.id,
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      startOffset: anchor.start,
      endOffset: anchor.end,
      position: (last?.position ?? -1) + 1,
      createdBy: actorId,
    })
    .returning()
    .get();
  recordAudit(tx, { actorId, action: "claim.create", entityType: "claim", entityId: claim.id, after: claim });
  recordAudit(tx, { actorId, action: "mention.create", entityType: "mention", entityId: mention.id, after: mention });
  return { claimId: claim.id, mentionId: mention.id, start: anchor.start, end: anchor.end };
}

export function createClaimWithMention(actor: Actor | null, input: ClaimWithMentionInput): CreatedClaimDto {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    return insertClaimWithMention(tx, editor.id, input);
  });
}
