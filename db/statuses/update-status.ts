import "server-only";
import { eq } from "drizzle-orm";
import type { StatusUpdateInput } from "../../lib/status-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { statuses } from "../schema";
import { writeTransaction } from "../transaction";
import type { StatusDto } from "./list-statuses";
import { toStatusDto } from "./list-statuses";
import { assertReadableColor, loadStatus } from "./status-row";
import { firstRow } from "../rows";

/**
 * An admin renames, recolours or re-icons a status, or changes whether it settles a claim and its
 * rating. The key stays: events refer to it, so every past event shows the new look.
 */
export async function updateStatus(actor: Actor | null, input: StatusUpdateInput): Promise<StatusDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = await loadStatus(tx, input.key);
    assertReadableColor(input.color);
    const { key, ...fields } = input;
    const after = (await firstRow(tx.update(statuses).set(fields).where(eq(statuses.key, key)).returning()))!;
    await recordAudit(tx, { actorId: admin.id, action: "status.update", entityType: "status", entityId: key, before, after });
    return toStatusDto(after);
  });
}
