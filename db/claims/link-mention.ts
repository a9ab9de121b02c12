import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import type { LinkMentionInput } from "../../lib/workbench-input";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim, loadLiveMention, reassignMention } from "./claim-rows";
import { retireInto } from "./merge-claims";
import { firstRow } from "../rows";

export interface LinkedMentionDto {
  mentionId: number;
  claimId: number;
  /** The mention's former claim, when it had no other live mention and was merged into `claimId`. */
  retiredClaimId: number | null;
}

export async function liveMentionCount(tx: Tx, claimId: number): Promise<number> {
  return (await firstRow(tx.select({ n: count() }).from(mentions).where(and(eq(mentions.claimId, claimId), isNull(mentions.deletedAt)))))!.n;
}

/**
 * "Same claim": moves one mention onto an existing claim. If that leaves its former claim
 * with no live mention, the former claim is merged into the target (as mergeClaims does), so
 * no claim is left with a timeline but no words, and its events, which are never moved or
 * copied, show on the target's timeline. A former claim that keeps other mentions keeps its
 * timeline as it is.
 */
export async function linkMentionToClaim(actor: Actor | null, input: LinkMentionInput): Promise<LinkedMentionDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const mention = await loadLiveMention(tx, input.mentionId);
    const target = await loadLiveClaim(tx, input.claimId);
    if (mention.claimId === target.id) {
      throw new ValidationError("These words already belong to that claim.", { claimId: "Choose another claim." });
    }
    const former = await loadLiveClaim(tx, mention.claimId);
    await reassignMention(tx, editor.id, mention, target.id, "mention.link");
    if (await liveMentionCount(tx, former.id) > 0) return { mentionId: mention.id, claimId: target.id, retiredClaimId: null };
    await retireInto(tx, editor.id, former, target, [mention.id]);
    return { mentionId: mention.id, claimId: target.id, retiredClaimId: former.id };
  });
}
