import "server-only";
import type { ObservationInput } from "../../lib/observation-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { loadLiveClaim } from "../claims/claim-rows";
import { quantityObservations, sources } from "../schema";
import { sourceRow } from "./record-status-event";
import { writeTransaction } from "../transaction";

/** Appends a later value of a claim's figure, with its source (append-only, like status events). */
export function recordObservation(actor: Actor | null, input: ObservationInput): { observationId: number; claimId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const claim = loadLiveClaim(tx, input.claimId);
    const source = input.source ? tx.insert(sources).values(sourceRow(input.source)).returning().get() : null;
    const row = tx
      .insert(quantityObservations)
      .values({ claimId: claim.id, value: input.value, unit: input.unit, observedOn: input.observedOn, note: input.note, sourceId: source?.id ?? null, authorId: editor.id })
      .returning()
      .get();
    recordAudit(tx, { actorId: editor.id, action: "quantity_observation.create", entityType: "claim", entityId: claim.id, after: { ...row, source } });
    return { observationId: row.id, claimId: claim.id };
  });
}
