/**
 * Text anchors for mentions, following the W3C Web Annotation model:
 * a TextPositionSelector (start/end) plus a TextQuoteSelector (exact, prefix, suffix).
 *
 * Offsets count Unicode code points, not UTF-16 code units, as the W3C spec asks:
 * "𠀀" and "😀" are one character each. The browser and the server both convert
 * with the helpers below, so an offset means the same thing on both sides.
 */

export const ANCHOR_CONTEXT_LENGTH = 32;

export interface TextAnchor {
  /** Code point offset of the first character of the quote. */
  start: number;
  /** Code point offset just past the last character of the quote. */
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Splits a string into code points (astral characters stay whole). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Converts a UTF-16 code unit index (what String#indexOf and the DOM use) into a code point offset. */
export function codeUnitToCodePoint(text: string, codeUnitIndex: number): number {
  if (codeUnitIndex < 0 || codeUnitIndex > text.length) {
    throw new RangeError(`Code unit index ${codeUnitIndex} is outside the text (length ${text.length}).`);
  }
  return codePointLength(text.slice(0, codeUnitIndex));
}

/** Converts a code point offset into the UTF-16 code unit index of the same position. */
export function codePointToCodeUnit(text: string, codePointOffset: number): number {
  if (codePointOffset < 0) throw new RangeError(`Negative offset ${codePointOffset}.`);
  let units = 0;
  let points = 0;
  for (const ch of text) {
    if (points === codePointOffset) return units;
    units += ch.length;
    points++;
  }
  if (points === codePointOffset) return units;
  throw new RangeError(`Offset ${codePointOffset} is past the end of the text (${points} characters).`);
}

/** Slices by code point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(codePointToCodeUnit(text, start), codePointToCodeUnit(text, end));
}

/** Builds the anchor of the span [start, end) of `text`, in code points. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  const points = codePoints(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > points.length || start >= end) {
    throw new RangeError(`Span ${start}–${end} is not a non-empty range inside the text (${points.length} characters).`);
  }
  return {
    start,
    end,
    exact: points.slice(start, end).join(""),
    prefix: points.slice(Math.max(0, start - ANCHOR_CONTEXT_LENGTH), start).join(""),
    suffix: points.slice(end, end + ANCHOR_CONTEXT_LENGTH).join(""),
  };
}

/** Every code point offset at which `quote` occurs in `text`, in order. */
export function findQuoteOffsets(text: string, quote: string): number[] {
  if (quote.length === 0) return [];
  const offsets: number[] = [];
  let from = 0;
  for (;;) {
    const unitIndex = text.indexOf(quote, from);
    if (unitIndex === -1) return offsets;
    offsets.push(codeUnitToCodePoint(text, unitIndex));
    from = unitIndex + 1;
  }
}

export type QuoteLookup =
  | { ok: true; anchor: TextAnchor; occurrences: number }
  | { ok: false; reason: "not-found" | "empty" };

/**
 * Anchors the `occurrence`-th appearance (0-based) of `quote` in `text`.
 * Used when an editor quotes a span by typing or pasting it rather than selecting it.
 */
export function anchorQuote(text: string, quote: string, occurrence = 0): QuoteLookup {
  if (quote.trim().length === 0) return { ok: false, reason: "empty" };
  const offsets = findQuoteOffsets(text, quote);
  const start = offsets[occurrence];
  if (start === undefined) return { ok: false, reason: "not-found" };
  return { ok: true, anchor: anchorAt(text, start, start + codePointLength(quote)), occurrences: offsets.length };
}
