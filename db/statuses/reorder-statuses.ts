import "server-only";
import { asc, eq } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import type { StatusOrderInput } from "../../lib/status-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { statuses } from "../schema";
import { writeTransaction } from "../transaction";
import { ORDER_STEP } from "./status-row";

/**
 * An admin sets the order of the whole scale (retired statuses included, since old events still
 * show them). The list must name every status exactly once: a partial list would leave the
 * others' places undefined, and a stale one means someone else changed the scale meanwhile.
 */
export async function reorderStatuses(actor: Actor | null, input: StatusOrderInput): Promise<{ keys: string[] }> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = (await tx.select({ key: statuses.key }).from(statuses).orderBy(asc(statuses.sortOrder))).map((s) => s.key);
    const known = new Set(before);
    const named = new Set(input.keys);
    if (input.keys.length !== known.size || named.size !== known.size || !input.keys.every((key) => known.has(key))) {
      throw new ValidationError("The scale changed while you were reordering it. Reload and try again.", { keys: "Name every status exactly once." });
    }
    for (const [i, key] of input.keys.entries()) {
      await tx.update(statuses).set({ sortOrder: (i + 1) * ORDER_STEP }).where(eq(statuses.key, key));
    }
    await recordAudit(tx, { actorId: admin.id, action: "status.reorder", entityType: "status", entityId: "scale", before, after: input.keys });
    return { keys: input.keys };
  });
}
