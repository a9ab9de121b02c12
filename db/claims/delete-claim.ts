import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";

/** Soft delete: the claim, its mentions and its timeline stay in the database, restorable. */
export function deleteClaim(actor: Actor | null, claimId: number): { claimId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const before = loadLiveClaim(tx, claimId);
    const after = tx.update(claims).set({ deletedAt: new Date(), updatedBy: editor.id, updatedAt: new Date(), version: before.version + 1 }).where(eq(claims.id, claimId)).returning().get();
    recordAudit(tx, { actorId: editor.id, action: "claim.delete", entityType: "claim", entityId: claimId, before, after });
    return { claimId };
  });
}

export function restoreClaim(actor: Actor | null, claimId: number): { claimId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const before = tx.select().from(claims).where(and(eq(claims.id, claimId), isNotNull(claims.deletedAt))).get();
    if (!before || before.mergedIntoId !== null) throw new NotFoundError("A deleted claim with that id");
    const after = tx.update(claims).set({ deletedAt: null, updatedBy: editor.id, updatedAt: new Date(), version: before.version + 1 }).where(eq(claims.id, claimId)).returning().get();
    recordAudit(tx, { actorId: editor.id, action: "claim.restore", entityType: "claim", entityId: claimId, before, after });
    return { claimId };
  });
}
