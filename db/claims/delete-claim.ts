import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";
import { firstRow } from "../rows";

/** Soft delete: the claim, its mentions and its timeline stay in the database, restorable. */
export async function deleteClaim(actor: Actor | null, claimId: number): Promise<{ claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadLiveClaim(tx, claimId);
    const after = await firstRow(tx.update(claims).set({ deletedAt: new Date(), updatedBy: editor.id, updatedAt: new Date(), version: before.version + 1 }).where(eq(claims.id, claimId)).returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.delete", entityType: "claim", entityId: claimId, before, after });
    return { claimId };
  });
}

export async function restoreClaim(actor: Actor | null, claimId: number): Promise<{ claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await firstRow(tx.select().from(claims).where(and(eq(claims.id, claimId), isNotNull(claims.deletedAt))));
    if (!before || before.mergedIntoId !== null) throw new NotFoundError("A deleted claim with that id");
    const after = await firstRow(tx.update(claims).set({ deletedAt: null, updatedBy: editor.id, updatedAt: new Date(), version: before.version + 1 }).where(eq(claims.id, claimId)).returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.restore", entityType: "claim", entityId: claimId, before, after });
    return { claimId };
  });
}
