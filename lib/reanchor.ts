import { DIFF_EQUAL, DIFF_INSERT, diffLevenshtein, diffMain, matchMain } from "diff-match-patch-es";
import { anchorAt, codePointLength, codePointToCodeUnit, codeUnitToCodePoint, findQuoteOffsets, sliceCodePoints, type TextAnchor } from "./anchor";

export type ReanchorResult =
  | { state: "anchored"; anchor: TextAnchor; how: "unchanged" | "moved" | "approximate" }
  | { state: "orphaned" };

/** At most this share of the quote may differ (edit distance) for an approximate match to count. */
export const APPROXIMATE_MATCH_MAX_DIFFERENCE = 0.25;
/** Bitap, which diff-match-patch uses to locate a pattern, handles patterns up to 32 code units. */
const BITAP_MAX = 32;

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
  if (best) return { state: "anchored", anchor: best.anchor, how: "moved" };
  const approximate = approximateMatch(text, previous);
  return approximate ? { state: "anchored", anchor: approximate, how: "approximate" } : { state: "orphaned" };
}

const isLowSurrogate = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** The first code points of `s` that fit in `units` UTF-16 code units. */
function headUnits(s: string, units: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

/** Where, in `window`, the text that corresponds to all of `exact` ends (following a character diff). */
function alignedEnd(exact: string, window: string): number {
  let consumed = 0;
  let position = 0;
  for (const [op, chunk] of diffMain(exact, window)) {
    if (op === DIFF_INSERT) {
      position += chunk.length;
      continue;
    }
    if (op === DIFF_EQUAL) position += chunk.length;
    consumed += chunk.length;
    if (consumed >= exact.length) return position;
  }
  return position;
}

/**
 * The quote was edited a little ("估值约为" → "估值大约为"): locate its head near where it was
 * (diff-match-patch's Bitap match), find its end by a character diff of what follows, and
 * accept the span only when its edit distance from the old quote is small.
 */
function approximateMatch(text: string, previous: TextAnchor): TextAnchor | null {
  const exact = previous.exact;
  if (text.length === 0 || exact.length === 0) return null;
  // Loose on purpose: the edit-distance check below is the real guard.
  const options = { matchThreshold: 0.5, matchDistance: Math.max(1000, text.length) };
  const expected = codePointToCodeUnit(text, Math.min(previous.start, codePointLength(text)));
  let startUnit = matchMain(text, headUnits(exact, BITAP_MAX), expected, options);
  if (startUnit < 0) return null;
  if (isLowSurrogate(text, startUnit)) startUnit--;
  // Room for the quote to have grown by half, then let a character diff say where it ends.
  const window = text.slice(startUnit, startUnit + Math.ceil(exact.length * 1.5) + 8);
  let endUnit = startUnit + alignedEnd(exact, window);
  if (endUnit < text.length && isLowSurrogate(text, endUnit)) endUnit++;
  if (endUnit <= startUnit) return null;
  const candidate = text.slice(startUnit, endUnit);
  const distance = diffLevenshtein(diffMain(exact, candidate));
  if (distance > APPROXIMATE_MATCH_MAX_DIFFERENCE * Math.max(exact.length, candidate.length)) return null;
  return anchorAt(text, codeUnitToCodePoint(text, startUnit), codeUnitToCodePoint(text, endUnit));
}
