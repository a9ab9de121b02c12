import "server-only";
import { eq } from "drizzle-orm";
import { languageToStore } from "../../lib/article-doc/text-language";
import { ValidationError } from "../../lib/errors";
import type { SplitClaimInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { anchorSpan } from "../../lib/anchor-span";
import { insertMention, loadArticleText, loadLiveClaim, loadLiveMention, moveMention } from "./claim-rows";
import { firstRow, returnedRow } from "../rows";

/**
 * Splits a claim in two at a point inside one of its mentions ("valued at $27 billion and
 * backed by Microsoft"): the claim keeps the first part, its other mentions and its whole
 * timeline; a new claim gets the second part. Events are never copied.
 */
export async function splitClaim(actor: Actor | null, input: SplitClaimInput): Promise<{ firstClaimId: number; secondClaimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const mention = await loadLiveMention(tx, input.mentionId);
    const claim = await loadLiveClaim(tx, mention.claimId);
    if (mention.anchorState !== "anchored" || input.at <= mention.startOffset || input.at >= mention.endOffset) {
      throw new ValidationError("Choose a split point inside the quoted words.", { at: "Inside the quote." });
    }
    const { bodyText, language } = await loadArticleText(tx, mention.articleId);
    const firstAnchor = anchorSpan(bodyText, mention.startOffset, input.at);
    const secondAnchor = anchorSpan(bodyText, input.at, mention.endOffset);

    const updated = await firstRow(tx
      .update(claims)
      .set({ statement: input.firstStatement, statementLanguage: languageToStore(input.firstStatement, null, language), version: claim.version + 1, updatedBy: editor.id, updatedAt: new Date() })
      .where(eq(claims.id, claim.id))
      .returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.split", entityType: "claim", entityId: claim.id, before: claim, after: updated });
    await moveMention(tx, editor.id, mention, firstAnchor, "mention.split");

    const second = await returnedRow(tx
      .insert(claims)
      .values({ statement: input.secondStatement, statementLanguage: languageToStore(input.secondStatement, null, language), claimant: claim.claimant, claimantType: claim.claimantType, claimDate: claim.claimDate, kind: claim.kind, createdBy: editor.id, updatedBy: editor.id })
      .returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.create", entityType: "claim", entityId: second.id, after: { ...second, splitFrom: claim.id } });
    await insertMention(tx, editor.id, second.id, mention.articleId, secondAnchor);
    return { firstClaimId: claim.id, secondClaimId: second.id };
  });
}
