const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Alternation of the words a spelled-out number can start with, for building patterns. */
export const NUMBER_WORD_PATTERN = [...Object.keys(UNITS), ...Object.keys(TENS)]
  .filter((word) => word !== "zero")
  .sort((a, b) => b.length - a.length)
  .join("|");

export const SCALE_WORD_EXPONENTS: Readonly<Record<string, number>> = {
  hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12,
};

/** Denominators of spelled fractions: "one third", "two thirds", "a quarter". */
export const FRACTION_WORDS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};

/**
 * Reads a spelled-out number below a thousand: "ten", "twenty-five", "two hundred fifty".
 * Returns null for word runs that are not one number ("one two").
 */
export function parseEnglishNumber(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);
  let total = 0;
  let previous: "start" | "unit" | "tens" | "hundred" = "start";
  for (const word of words) {
    const unit = UNITS[word];
    const tens = TENS[word];
    if (unit !== undefined) {
      if (previous === "unit" || (previous === "tens" && (unit === 0 || unit > 9))) return null;
      total += unit;
      previous = "unit";
    } else if (tens !== undefined) {
      if (previous === "unit" || previous === "tens") return null;
      total += tens;
      previous = "tens";
    } else if (word === "hundred") {
      if (previous === "hundred" || total === 0 || total > 99) return null;
      total *= 100;
      previous = "hundred";
    } else {
      return null;
    }
  }
  return previous === "start" ? null : total;
}
