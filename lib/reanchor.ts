import { anchorAt, codePointLength, findQuoteOffsets, sliceCodePoints, type TextAnchor } from "./anchor";

export type ReanchorResult =
  | { state: "anchored"; anchor: TextAnchor; how: "unchanged" | "moved" }
  | { state: "orphaned" };

/** How many characters at the end of `a` and the end of `b` agree. */
function commonSuffixLength(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * Places a mention in an edited text. Keeps the same offsets when the quote is still there;
 * otherwise picks, among the exact occurrences of the quote, the one whose surrounding text
 * best matches the stored prefix and suffix (nearest to the old position on a tie). A quote
 * that no longer occurs is reported orphaned, never silently moved or dropped.
 */
export function reanchor(text: string, previous: TextAnchor): ReanchorResult {
  const length = codePointLength(text);
  if (previous.end <= length && sliceCodePoints(text, previous.start, previous.end) === previous.exact) {
    return { state: "anchored", anchor: anchorAt(text, previous.start, previous.end), how: "unchanged" };
  }
  const quoteLength = codePointLength(previous.exact);
  let best: { anchor: TextAnchor; context: number; distance: number } | null = null;
  for (const start of findQuoteOffsets(text, previous.exact)) {
    const anchor = anchorAt(text, start, start + quoteLength);
    const context = commonSuffixLength(anchor.prefix, previous.prefix) + commonPrefixLength(anchor.suffix, previous.suffix);
    const distance = Math.abs(start - previous.start);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { anchor, context, distance };
    }
  }
  return best ? { state: "anchored", anchor: best.anchor, how: "moved" } : { state: "orphaned" };
}
