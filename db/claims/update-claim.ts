import "server-only";
import { and, eq } from "drizzle-orm";
import { languageToStore } from "../../lib/article-doc/text-language";
import { ConflictError } from "../../lib/errors";
import type { ClaimUpdateInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { loadLiveClaim } from "./claim-rows";
import { returnedRow } from "../rows";

/** Every field an edit saves, so a conflict shows (and a reapply keeps) all of another editor's changes. */
export type ClaimFieldsDto = Pick<
  typeof claims.$inferSelect,
  "id" | "version" | "statement" | "statementLanguage" | "claimant" | "claimantType" | "claimDate" | "kind" | "quantityValue" | "quantityUnit" | "quantityQualifier" | "quantityAsOf"
>;

/** Saves an edit of a claim's fields made from `version`; a stale version is a ConflictError with the current fields. */
export async function updateClaim(actor: Actor | null, input: ClaimUpdateInput): Promise<ClaimFieldsDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadLiveClaim(tx, input.id);
    const pick = (c: typeof before): ClaimFieldsDto => ({
      id: c.id,
      version: c.version,
      statement: c.statement,
      statementLanguage: c.statementLanguage,
      claimant: c.claimant,
      claimantType: c.claimantType,
      claimDate: c.claimDate,
      kind: c.kind,
      quantityValue: c.quantityValue,
      quantityUnit: c.quantityUnit,
      quantityQualifier: c.quantityQualifier,
      quantityAsOf: c.quantityAsOf,
    });
    if (before.version !== input.version) {
      throw new ConflictError("Someone else changed this claim after you opened it. Review their version, then reapply your edit.", { current: pick(before) });
    }
    const { id, version, ...fields } = input;
    // No language chosen: an unchanged statement keeps its language, a rewritten one is detected again.
    const kept = fields.statement === before.statement ? before.statementLanguage : null;
    const statementLanguage = languageToStore(fields.statement, fields.statementLanguage ?? kept);
    const after = await returnedRow(tx
      .update(claims)
      .set({ ...fields, statementLanguage, version: version + 1, updatedBy: editor.id, updatedAt: new Date() })
      .where(and(eq(claims.id, id), eq(claims.version, version)))
      .returning());
    await recordAudit(tx, { actorId: editor.id, action: "claim.update", entityType: "claim", entityId: id, before, after });
    return pick(after);
  });
}
