import type { ProposedClaim } from "@/lib/claim-proposal";
import { proposeClaimForSelection } from "@/lib/selection-claim";
import type { Suggestion } from "@/lib/suggest";
import { type ClaimFieldValues, EMPTY_CLAIM_FIELDS } from "./claim-fields-form";

/** The claim form prefilled from a proposal: its statement, kind, figure and the speaker of a quotation. */
function fieldsFromProposal(claim: ProposedClaim): ClaimFieldValues {
  const { quantity } = claim;
  return {
    ...EMPTY_CLAIM_FIELDS,
    statement: claim.statement,
    claimant: claim.claimant ?? "",
    kind: claim.kind,
    // Plain digits, never exponent notation: the value box is read back by z.coerce.number.
    quantityValue: quantity ? quantity.value.toLocaleString("en", { useGrouping: false, maximumFractionDigits: 20 }) : "",
    quantityUnit: quantity?.unit ?? "",
    quantityQualifier: quantity?.qualifier ?? "",
  };
}

/** What accepting a suggestion proposes (lib/claim-proposal.ts, computed with the suggestion). */
export function claimFieldsFromSuggestion(suggestion: Suggestion): ClaimFieldValues {
  return fieldsFromProposal(suggestion.claim);
}

/** What "Add claim" on a selection proposes: the sentence around it as a statement, its kind, the selected figure. */
export function claimFieldsFromSelection(bodyText: string, start: number, end: number, language: string): ClaimFieldValues {
  return fieldsFromProposal(proposeClaimForSelection(bodyText, start, end, language));
}
