import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { MergeClaimsInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { refreshCurrentStatus } from "../events/record-status-event";
import { claims, mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";

/**
 * Merges the source claim into the target: the source's mentions move to the target, and
 * the source is retired with a pointer to the target, so its events (append-only, never
 * moved) appear on the target's timeline and its URL can redirect there.
 */
export function mergeClaims(actor: Actor | null, input: MergeClaimsInput): { claimId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const target = loadLiveClaim(tx, input.targetId);
    const source = loadLiveClaim(tx, input.sourceId);
    const moved = tx
      .update(mentions)
      .set({ claimId: target.id, updatedAt: new Date() })
      .where(and(eq(mentions.claimId, source.id), isNull(mentions.deletedAt)))
      .returning({ id: mentions.id })
      .all();
    const retired = tx
      .update(claims)
      .set({ mergedIntoId: target.id, deletedAt: new Date(), updatedBy: editor.id, updatedAt: new Date(), version: source.version + 1 })
      .where(eq(claims.id, source.id))
      .returning()
      .get();
    recordAudit(tx, { actorId: editor.id, action: "claim.merge", entityType: "claim", entityId: target.id, before: { target, source }, after: { retired, movedMentionIds: moved.map((m) => m.id) } });
    refreshCurrentStatus(tx, editor.id, target.id);
    return { claimId: target.id };
  });
}
