import "server-only";
import { eq, max } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import type { NewStatusInput } from "../../lib/status-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { statuses } from "../schema";
import { writeTransaction } from "../transaction";
import type { StatusDto } from "./list-statuses";
import { toStatusDto } from "./list-statuses";
import { assertReadableColor, ORDER_STEP } from "./status-row";
import { firstRow, returnedRow } from "../rows";

/** An admin adds a status to the bottom of the scale. Keys are never reused, retired or not. */
export async function createStatus(actor: Actor | null, input: NewStatusInput): Promise<StatusDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const taken = await firstRow(tx.select({ labelEn: statuses.labelEn }).from(statuses).where(eq(statuses.key, input.key)));
    if (taken) {
      throw new ValidationError("That key is already used; keys stay with their status even when it is retired.", { key: `Already used by “${taken.labelEn}”.` });
    }
    assertReadableColor(input.color);
    const last = (await firstRow(tx.select({ value: max(statuses.sortOrder) }).from(statuses)))?.value ?? 0;
    const row = await returnedRow(tx
      .insert(statuses)
      .values({ ...input, sortOrder: last + ORDER_STEP })
      .returning());
    await recordAudit(tx, { actorId: admin.id, action: "status.create", entityType: "status", entityId: row.key, after: row });
    return toStatusDto(row);
  });
}
