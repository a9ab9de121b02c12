import "server-only";
import type { ObservationInput } from "../../lib/observation-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { loadLiveClaim } from "../claims/claim-rows";
import { quantityObservations, sources } from "../schema";
import { sourceRow } from "./record-status-event";
import { writeTransaction } from "../transaction";
import { returnedRow } from "../rows";

/** Appends a later value of a claim's figure, with its source (append-only, like status events). */
export async function recordObservation(actor: Actor | null, input: ObservationInput): Promise<{ observationId: number; claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const claim = await loadLiveClaim(tx, input.claimId);
    const source = input.source ? await returnedRow(tx.insert(sources).values(sourceRow(input.source)).returning()) : null;
    const row = await returnedRow(tx
      .insert(quantityObservations)
      .values({ claimId: claim.id, value: input.value, unit: input.unit, observedOn: input.observedOn, note: input.note, sourceId: source?.id ?? null, authorId: editor.id })
      .returning());
    await recordAudit(tx, { actorId: editor.id, action: "quantity_observation.create", entityType: "claim", entityId: claim.id, after: { ...row, source } });
    return { observationId: row.id, claimId: claim.id };
  });
}
