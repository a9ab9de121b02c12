import { codePointLength } from "../anchor";

/**
 * Converts UTF-16 indices into code point offsets for a caller that visits them in increasing
 * order. Each call only counts the characters since the previous one, so converting every match
 * of a long text costs one pass over it instead of one pass per match.
 */
export function codePointCursor(text: string): (codeUnitIndex: number) => number {
  let unit = 0;
  let point = 0;
  return (codeUnitIndex) => {
    if (codeUnitIndex < unit) throw new RangeError(`Index ${codeUnitIndex} is behind the cursor (${unit}).`);
    point += codePointLength(text.slice(unit, codeUnitIndex));
    unit = codeUnitIndex;
    return point;
  };
}
