import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { MergeClaimsInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { refreshCurrentStatus } from "../events/record-status-event";
import { claims, mentions } from "../schema";
import type { Tx } from "../client";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";
import { firstRow } from "../rows";

/**
 * Merges the source claim into the target: the source's mentions move to the target, and
 * the source is retired with a pointer to the target, so its events (append-only, never
 * moved) appear on the target's timeline and its URL can redirect there.
 */
export async function mergeClaims(actor: Actor | null, input: MergeClaimsInput): Promise<{ claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const target = await loadLiveClaim(tx, input.targetId);
    const source = await loadLiveClaim(tx, input.sourceId);
    const moved = await tx
      .update(mentions)
      .set({ claimId: target.id, updatedAt: new Date() })
      .where(and(eq(mentions.claimId, source.id), isNull(mentions.deletedAt)))
      .returning({ id: mentions.id });
    await retireInto(tx, editor.id, source, target, moved.map((m) => m.id));
    return { claimId: target.id };
  });
}

type ClaimRow = Awaited<ReturnType<typeof loadLiveClaim>>;

/**
 * Retires `source` into `target` once its mentions have moved there: it points at the target
 * (its events stay its own and show on the target's timeline, and its URL redirects), the
 * merge is audited, and the target's status is recomputed from the combined timeline.
 */
export async function retireInto(tx: Tx, actorId: string, source: ClaimRow, target: ClaimRow, movedMentionIds: number[]): Promise<void> {
  const retired = await firstRow(tx
    .update(claims)
    .set({ mergedIntoId: target.id, deletedAt: new Date(), updatedBy: actorId, updatedAt: new Date(), version: source.version + 1 })
    .where(eq(claims.id, source.id))
    .returning());
  await recordAudit(tx, { actorId, action: "claim.merge", entityType: "claim", entityId: target.id, before: { target, source }, after: { retired, movedMentionIds } });
  await refreshCurrentStatus(tx, actorId, target.id);
}
