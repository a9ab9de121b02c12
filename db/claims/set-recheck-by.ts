import "server-only";
import { eq } from "drizzle-orm";
import type { RecheckByInput } from "../../lib/recheck-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";

export interface RecheckByDto {
  claimId: number;
  /** YYYY-MM-DD, or null when cleared. */
  recheckBy: string | null;
}

/**
 * Sets or clears the date by which an editor should look at a claim again.
 *
 * It leaves `version` alone: a re-check date is scheduling, not an edit of the claim's
 * wording, so an editor saving the statement from an older version must not get a conflict
 * because a colleague planned a re-check meanwhile. It leaves `updatedAt` alone too, as that
 * reaches readers; who set the date and when is in the audit log.
 */
export async function setRecheckBy(actor: Actor | null, input: RecheckByInput): Promise<RecheckByDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const claim = await loadLiveClaim(tx, input.claimId);
    const result = { claimId: claim.id, recheckBy: input.recheckBy };
    // Saving the same date again changes nothing, so it leaves no audit row either.
    if (claim.recheckBy === input.recheckBy) return result;
    await tx.update(claims).set({ recheckBy: input.recheckBy }).where(eq(claims.id, claim.id));
    await recordAudit(tx, {
      actorId: editor.id,
      action: "claim.recheck_by",
      entityType: "claim",
      entityId: claim.id,
      before: { recheckBy: claim.recheckBy },
      after: { recheckBy: input.recheckBy },
    });
    return result;
  });
}
