import "server-only";
import { languageToStore } from "../../lib/article-doc/text-language";
import { statementFromQuote } from "../../lib/claim-proposal";
import { ValidationError } from "../../lib/errors";
import type { UnlinkMentionInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim, loadLiveMention, reassignMention } from "./claim-rows";
import { liveMentionCount } from "./link-mention";
import { returnedRow } from "../rows";

export interface UnlinkedMentionDto {
  mentionId: number;
  /** The new claim the mention now belongs to. */
  claimId: number;
  /** The claim it left, which keeps its other mentions and its whole timeline. */
  formerClaimId: number;
}

/**
 * "Different claim": gives one mention a new claim of its own, with the former claim's
 * claimant, date, kind and figure, status Unverified and no events: the history was recorded
 * about the former claim and stays there. Refused for a claim's only live mention, which
 * would leave that claim with a timeline and no words.
 */
export async function unlinkMention(actor: Actor | null, input: UnlinkMentionInput): Promise<UnlinkedMentionDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const mention = await loadLiveMention(tx, input.mentionId);
    const former = await loadLiveClaim(tx, mention.claimId);
    if (await liveMentionCount(tx, former.id) <= 1) {
      throw new ValidationError("This is the claim's only mention; nothing to unlink from.", { mentionId: "The claim's only mention." });
    }
    const statement = input.statement ?? statementFromQuote(mention.exact);
    const created = await returnedRow(tx
      .insert(claims)
      .values({
        statement,
        // A statement made of the quote is in the quote's language.
        statementLanguage: input.statement ? languageToStore(statement, null, former.statementLanguage) : (mention.language ?? languageToStore(statement)),
        claimant: former.claimant,
        claimantType: former.claimantType,
        claimDate: former.claimDate,
        kind: former.kind,
        quantityValue: former.quantityValue,
        quantityUnit: former.quantityUnit,
        quantityQualifier: former.quantityQualifier,
        quantityAsOf: former.quantityAsOf,
        createdBy: editor.id,
        updatedBy: editor.id,
      })
      .returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.create", entityType: "claim", entityId: created.id, after: { ...created, unlinkedFrom: former.id } });
    await reassignMention(tx, editor.id, mention, created.id, "mention.unlink");
    return { mentionId: mention.id, claimId: created.id, formerClaimId: former.id };
  });
}
