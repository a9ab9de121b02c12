import "server-only";
import { z } from "zod";
import { idParam, statusEventInput } from "../../lib/validation";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { writeTransaction } from "../transaction";
import { insertStatusEvent, type RecordedEventDto } from "./record-status-event";

export const bulkStatusInput = statusEventInput.omit({ claimId: true, correctsEventId: true }).extend({ claimIds: z.array(idParam).min(1).max(500) });
export type BulkStatusInput = z.infer<typeof bulkStatusInput>;

/** Records the same status event on several claims at once, all or none. */
export async function recordStatusBulk(actor: Actor | null, input: BulkStatusInput): Promise<RecordedEventDto[]> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const recordedAt = new Date();
    const { claimIds, ...event } = input;
    return await Promise.all([...new Set(claimIds)].map(async (claimId) => insertStatusEvent(tx, editor.id, { ...event, claimId, correctsEventId: null }, recordedAt)));
  });
}
