import "server-only";
import { eq } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import type { StatusKeyInput } from "../../lib/status-input";
import { DEFAULT_STATUS_KEY } from "../../lib/status-scale";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import type { Tx } from "../client";
import { statuses } from "../schema";
import { writeTransaction } from "../transaction";
import type { StatusDto } from "./list-statuses";
import { toStatusDto } from "./list-statuses";
import { loadStatus } from "./status-row";
import { firstRow } from "../rows";

async function setRetired(tx: Tx, actorId: string, key: string, retire: boolean): Promise<StatusDto> {
  const before = await loadStatus(tx, key);
  // Asking twice (a double click, two tabs) is not an error, and changes nothing worth an audit row.
  if ((before.retiredAt !== null) === retire) return toStatusDto(before);
  const after = (await firstRow(tx
    .update(statuses)
    .set({ retiredAt: retire ? new Date() : null })
    .where(eq(statuses.key, key))
    .returning()))!;
  await recordAudit(tx, { actorId, action: retire ? "status.retire" : "status.reinstate", entityType: "status", entityId: key, before, after });
  return toStatusDto(after);
}

/**
 * An admin takes a status out of use: it stays on the events and claims that have it (the row
 * is never deleted) but cannot be chosen for new events.
 */
export async function retireStatus(actor: Actor | null, input: StatusKeyInput): Promise<StatusDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    // Every new claim, and every claim whose events are all drafts, shows this status.
    if (input.key === DEFAULT_STATUS_KEY) {
      throw new ValidationError("Every new claim starts with this status, so it cannot be retired. Rename it instead.", { key: "Cannot be retired." });
    }
    return setRetired(tx, admin.id, input.key, true);
  });
}

/** An admin puts a retired status back on the scale, usable for new events again. */
export async function reinstateStatus(actor: Actor | null, input: StatusKeyInput): Promise<StatusDto> {
  return writeTransaction(async (tx) => setRetired(tx, (await authorize(tx, actor, ADMIN_ROLES)).id, input.key, false));
}
