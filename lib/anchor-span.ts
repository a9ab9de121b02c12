import { anchorAt, codePointLength, type TextAnchor } from "./anchor";
import { ValidationError } from "./errors";

/** Anchors a selected span, trimmed of surrounding white space; refuses spans outside the text. */
export function anchorSpan(text: string, start: number, end: number): TextAnchor {
  const length = codePointLength(text);
  if (end > length || start >= end) {
    throw new ValidationError("The selection is outside the article text. Reload the article and select again.", { start: "Outside the text." });
  }
  const raw = anchorAt(text, start, end);
  const leading = raw.exact.length - raw.exact.trimStart().length;
  const trailing = raw.exact.length - raw.exact.trimEnd().length;
  if (raw.exact.trim() === "") throw new ValidationError("Select some words, not only white space.", { start: "Only white space." });
  // White space is always one code unit per code point, so these counts are code points too.
  return anchorAt(text, start + leading, end - trailing);
}
