import { anchorAt, codePointLength, sliceCodePoints, type TextAnchor } from "./anchor";
import { reanchor } from "./reanchor";
import { type OffsetMap, offsetMapForRemovedWhitespace } from "./whitespace-removal";

/** A stored mention's span, as the text it was made on holds it. */
export interface StoredSpan {
  anchorState: "anchored" | "orphaned";
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Where a mention goes when its article's text is derived again (db/articles/rederive-bodies.ts).
 * Where the new text is the old one with whitespace taken out, the mention keeps exactly its
 * words, minus that whitespace ("270 亿美元" → "270亿美元"), and its quote follows, so search
 * finds the words as now shown. reanchor alone would keep the old quote, and its fuzzy match
 * could orphan a short quote that lost a space ("2 亿" is a third different). Any other
 * difference falls back to reanchor, as an edit would. The carrier answers null where the
 * words are gone. The two texts are compared once, however many mentions are carried.
 */
export function anchorCarrier(oldText: string, newText: string): (mention: StoredSpan) => TextAnchor | null {
  const map = offsetMapForRemovedWhitespace(oldText, newText);
  return (mention) => (map && mappedAnchor(oldText, newText, mention, map)) || reanchoredAnchor(newText, mention);
}

/** The mention's span carried through the map; null unless it held its quote in the old text. */
function mappedAnchor(oldText: string, newText: string, mention: StoredSpan, map: OffsetMap): TextAnchor | null {
  if (mention.anchorState !== "anchored" || mention.endOffset > codePointLength(oldText)) return null;
  if (sliceCodePoints(oldText, mention.startOffset, mention.endOffset) !== mention.exact) return null;
  const start = map(mention.startOffset);
  const end = map(mention.endOffset);
  return end > start ? anchorAt(newText, start, end) : null;
}

function reanchoredAnchor(text: string, mention: StoredSpan): TextAnchor | null {
  const result = reanchor(text, { start: mention.startOffset, end: mention.endOffset, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix });
  return result.state === "anchored" ? result.anchor : null;
}
