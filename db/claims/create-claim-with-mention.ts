import "server-only";
import { anchorQuote } from "../../lib/anchor";
import { languageToStore } from "../../lib/article-doc/text-language";
import { defaultClaimDate } from "../../lib/dates";
import { ValidationError } from "../../lib/errors";
import type { ClaimWithMentionInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { claims } from "../schema";
import { insertMention, loadArticleText } from "./claim-rows";
import { writeTransaction } from "../transaction";
import { returnedRow } from "../rows";

export interface CreatedClaimDto {
  claimId: number;
  mentionId: number;
  start: number;
  end: number;
}

/** Creates a claim and its first mention, anchored to the quoted words; dated by its article unless a date (or none) is given. The caller has authorised `actorId`. */
export async function insertClaimWithMention(tx: Tx, actorId: string | null, input: ClaimWithMentionInput): Promise<CreatedClaimDto> {
  const article = await loadArticleText(tx, input.articleId);
  const found = anchorQuote(article.bodyText, input.quote, input.occurrence - 1);
  if (!found.ok) {
    const message = found.reason === "empty" ? "Quote the words that make the claim." : "Those words do not appear in the article. Copy them exactly from the body.";
    throw new ValidationError(message, { quote: message });
  }
  const claim = await returnedRow(tx
    .insert(claims)
    .values({ statement: input.statement, statementLanguage: languageToStore(input.statement, input.statementLanguage, article.language), claimant: input.claimant, claimantType: input.claimantType, claimDate: input.claimDate === undefined ? defaultClaimDate(article.publishedDate) : input.claimDate, kind: input.kind, createdBy: actorId, updatedBy: actorId })
    .returning());
  await recordAudit(tx, { actorId, action: "claim.create", entityType: "claim", entityId: claim.id, after: claim });
  const mention = await insertMention(tx, actorId, claim.id, article.id, found.anchor);
  return { claimId: claim.id, mentionId: mention.id, start: found.anchor.start, end: found.anchor.end };
}

export async function createClaimWithMention(actor: Actor | null, input: ClaimWithMentionInput): Promise<CreatedClaimDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    return insertClaimWithMention(tx, editor.id, input);
  });
}
