import "server-only";
import { eq } from "drizzle-orm";
import type { BulkKindInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";
import { firstRow } from "../rows";

/** Sets the kind of several claims at once, all or none. */
export async function bulkSetKind(actor: Actor | null, input: BulkKindInput): Promise<{ updated: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    for (const id of new Set(input.claimIds)) {
      const before = await loadLiveClaim(tx, id);
      if (before.kind === input.kind) continue;
      const after = await firstRow(tx.update(claims).set({ kind: input.kind, version: before.version + 1, updatedBy: editor.id, updatedAt: new Date() }).where(eq(claims.id, id)).returning());
      await recordAudit(tx, { actorId: editor.id, action: "claim.update", entityType: "claim", entityId: id, before, after });
    }
    return { updated: new Set(input.claimIds).size };
  });
}
