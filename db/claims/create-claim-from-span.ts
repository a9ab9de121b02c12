import "server-only";
import { languageToStore } from "../../lib/article-doc/text-language";
import { defaultClaimDate } from "../../lib/dates";
import type { ClaimFromSpanInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { anchorSpan } from "../../lib/anchor-span";
import { insertMention, loadArticleText } from "./claim-rows";
import type { CreatedClaimDto } from "./create-claim-with-mention";
import { returnedRow } from "../rows";

export async function insertClaimFromSpan(tx: Tx, actorId: string | null, input: ClaimFromSpanInput): Promise<CreatedClaimDto> {
  const { articleId, start, end, claimDate, ...fields } = input;
  const article = await loadArticleText(tx, articleId);
  const anchor = anchorSpan(article.bodyText, start, end);
  const claim = await returnedRow(tx
    .insert(claims)
    .values({ ...fields, statementLanguage: languageToStore(fields.statement, fields.statementLanguage, article.language), claimDate: claimDate === undefined ? defaultClaimDate(article.publishedDate) : claimDate, createdBy: actorId, updatedBy: actorId })
    .returning());
  await recordAudit(tx, { actorId, action: "claim.create", entityType: "claim", entityId: claim.id, after: claim });
  const mention = await insertMention(tx, actorId, claim.id, article.id, anchor);
  return { claimId: claim.id, mentionId: mention.id, start: anchor.start, end: anchor.end };
}

/** "Add claim" on a selection (or an accepted suggestion): a new claim anchored to exactly those words. */
export async function createClaimFromSpan(actor: Actor | null, input: ClaimFromSpanInput): Promise<CreatedClaimDto> {
  return writeTransaction(async (tx) => insertClaimFromSpan(tx, (await authorize(tx, actor, EDITOR_ROLES)).id, input));
}
