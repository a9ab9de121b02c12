import type { ClaimKind } from "@/lib/claim-rules";
import type { Suggestion } from "@/lib/suggest";
import { type ClaimFieldValues, EMPTY_CLAIM_FIELDS, statementFromText } from "./claim-fields-form";

/** What accepting a suggestion proposes: the sentence as the statement, a kind from its reasons, its first figure. */
export function claimFieldsFromSuggestion(suggestion: Suggestion): ClaimFieldValues {
  const kinds = new Set(suggestion.reasons.map((r) => r.kind));
  const quantity = suggestion.quantities[0];
  const kind: ClaimKind = quantity ? "quantity" : kinds.has("prediction") ? "prediction" : kinds.has("attribution") ? "attribution" : "fact";
  return {
    ...EMPTY_CLAIM_FIELDS,
    statement: statementFromText(suggestion.text),
    kind,
    quantityValue: quantity ? String(quantity.value) : "",
    quantityUnit: quantity?.unit ?? "",
    quantityQualifier: quantity?.qualifier ?? "",
  };
}
