/**
 * Folds full-width forms ("２７０", "％", "＄", "＜") and unusual spaces to ASCII, one UTF-16
 * code unit for one, so every index into the folded text is also an index into the original.
 * The ideographic comma "，" is left alone: in Chinese it separates clauses, not thousands,
 * and reading "3，200" as 3200 would merge two numbers of a list.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF0B\uFF0D-\uFF5E\uFFE5\u00A0\u2007\u2009\u202F]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if (ch === "\uFFE5") return "¥";
    return " ";
  });
}
