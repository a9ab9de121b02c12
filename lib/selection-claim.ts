/**
 * What a hand selection proposes as a claim: the clean statement of the sentence around it
 * (a selection is usually a few words: "1750亿+个参数"), the kind that sentence makes, and the
 * figure the selection itself holds, else the sentence's first. The mention stays anchored to
 * the selected words. Pure; offsets are code points, as the workbench measures selections.
 */

import { type ProposedClaim, proposeClaim } from "./claim-proposal";
import { extractQuantities } from "./quantities";
import { sentenceAround } from "./suggest";

export function proposeClaimForSelection(text: string, start: number, end: number, language?: string): ProposedClaim {
  const sentence = sentenceAround(text, start, end, language);
  const quantities = extractQuantities(sentence.text);
  const [from, to] = [start - sentence.start, end - sentence.start];
  const inSelection = quantities.find((q) => q.start < to && q.end > from);
  return proposeClaim(sentence.text, { quantity: inSelection ?? quantities[0] ?? null });
}
