/**
 * A run of digits grouped in thousands with at least one ideographic comma: "20，000",
 * "1，750，000". The groups must be exactly three digits and the run must not continue as a
 * list ("100，200，30"), so clause commas between numbers stay what they are.
 */
const GROUPED_WITH_IDEOGRAPHIC_COMMA = /(?<![\d.,，])\d{1,3}(?:[,，]\d{3})+(?![\d]|[,，]\d)/g;

/**
 * Folds full-width forms ("２７０", "％", "＄", "＜") and unusual spaces (the ideographic space
 * "　" too) to ASCII, one UTF-16 code unit for one, so every index into the folded text is also
 * an index into the original.
 * The ideographic comma "，" usually separates clauses, not thousands, and reading a list
 * "3，2" as one number would merge two figures; it is read as a thousands separator only inside
 * a well-formed grouping ("20，000", "２０，０００"), as Chinese web text often writes one.
 */
export function foldWidth(text: string): string {
  const folded = text.replace(/[\uFF01-\uFF0B\uFF0D-\uFF5E\uFFE5\u00A0\u2007\u2009\u202F\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if (ch === "\uFFE5") return "¥";
    return " ";
  });
  if (!folded.includes("，")) return folded;
  return folded.replace(GROUPED_WITH_IDEOGRAPHIC_COMMA, (run) => run.replaceAll("，", ","));
}
