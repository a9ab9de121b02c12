import { codePoints } from "./anchor";

/** Maps a code point offset in the old text to the same place in the new one. */
export type OffsetMap = (offset: number) => number;

const WHITESPACE = /^\s$/u;

/**
 * When `after` is `before` with some whitespace characters taken out (and nothing else
 * changed), as when a body is re-derived under the CJK line-joining rule ("270 亿美元" →
 * "270亿美元"), every offset in `before` has an exact counterpart in `after`: the number of
 * characters kept before it. Returns that map, or null when the texts differ in any other way
 * (then only a search by quote and context, lib/reanchor.ts, can place a mention).
 */
export function offsetMapForRemovedWhitespace(before: string, after: string): OffsetMap | null {
  const old = codePoints(before);
  const next = codePoints(after);
  // kept[i]: how many of old's first i characters survive in `after`.
  const kept = new Array<number>(old.length + 1);
  let j = 0;
  for (let i = 0; i < old.length; i++) {
    kept[i] = j;
    if (j < next.length && old[i] === next[j]) j++;
    else if (!WHITESPACE.test(old[i]!)) return null;
  }
  kept[old.length] = j;
  if (j !== next.length) return null;
  return (offset) => kept[Math.max(0, Math.min(offset, old.length))]!;
}
