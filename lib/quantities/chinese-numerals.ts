import { timesPowerOfTen } from "./decimal";

export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** Powers of ten inside a group of four digits. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };

const TOKEN = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]/y;

type Token = { kind: "digit"; value: number; chinese: boolean } | { kind: "small"; exponent: number } | { kind: "wan" } | { kind: "yi" };

function tokenize(input: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    const match = TOKEN.exec(input);
    if (!match) return null;
    const piece = match[0];
    const digit = CHINESE_DIGITS[piece];
    if (digit !== undefined) tokens.push({ kind: "digit", value: digit, chinese: true });
    else if (piece === "万") tokens.push({ kind: "wan" });
    else if (piece === "亿") tokens.push({ kind: "yi" });
    else if (SMALL_UNITS[piece] !== undefined) tokens.push({ kind: "small", exponent: SMALL_UNITS[piece] });
    else tokens.push({ kind: "digit", value: Number(piece), chinese: false });
  }
  return tokens;
}

/** Exponent of the unit a trailing digit silently continues: 三万五 is 35000, 两千五 is 2500. */
function elidedExponent(previous: Token | undefined): number | null {
  if (!previous) return null;
  if (previous.kind === "small") return previous.exponent - 1;
  if (previous.kind === "wan") return 3;
  if (previous.kind === "yi") return 7;
  return null;
}

/**
 * Reads a number written with Chinese numerals, Arabic digits or both: "两千万", "一亿两千万",
 * "三百五十万", "十二", "1750亿", "1.2万", "5万亿". Returns null when the characters do not form
 * one well-made number ("一一", "三五", "三十百"), so that runs like "一一对应" or "三五天" are
 * not read as quantities. A leading unit counts as one of it ("十二", "万" → 10000).
 */
export function parseChineseNumber(input: string): number | null {
  if (input.includes("点")) return parseChineseDecimal(input);
  const tokens = tokenize(input);
  if (!tokens || tokens.length === 0) return null;

  let yi = 0; // everything already multiplied by 亿
  let wan = 0; // the part multiplied by 万, below 亿
  let group = 0; // the part below 万
  let digit: number | null = null;
  let lastSmallExponent = 4;
  let afterZero = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (token.kind === "digit") {
      if (digit !== null && !afterZero) return null; // two digits in a row: "三五", not a number
      afterZero = token.chinese && token.value === 0;
      digit = afterZero ? null : token.value;
      continue;
    }
    afterZero = false;
    if (token.kind === "small") {
      if (token.exponent >= lastSmallExponent) return null;
      if (digit === null && previous?.kind === "small") return null; // "千百"
      group += timesPowerOfTen(digit ?? 1, token.exponent);
      lastSmallExponent = token.exponent;
      digit = null;
      continue;
    }
    const below = group + (digit ?? 0);
    if (token.kind === "wan") {
      if (wan !== 0) return null;
      wan = timesPowerOfTen(below === 0 && i === 0 ? 1 : below, 4);
      if (wan === 0) return null;
    } else {
      const total = yi + wan + below;
      if (total === 0 && i !== 0) return null;
      yi = timesPowerOfTen(total === 0 ? 1 : total, 8);
      wan = 0;
    }
    group = 0;
    digit = null;
    lastSmallExponent = 4;
  }

  const last = tokens[tokens.length - 1]!;
  if (digit !== null && last.kind === "digit" && last.chinese) {
    const exponent = elidedExponent(tokens[tokens.length - 2]);
    if (exponent !== null && exponent > 0) digit = timesPowerOfTen(digit, exponent);
  }
  return yi + wan + group + (digit ?? 0);
}

/** 三十五点五, 一点七五万亿, 零点三: a whole part, 点, digits read one by one, then at most 万 and 亿. */
const CHINESE_DECIMAL = /^(?<whole>[零〇一二两三四五六七八九十百千]+)点(?<fraction>[零〇一二三四五六七八九]+)(?<scale>千万|百万|万亿|万|亿)?$/;

function parseChineseDecimal(input: string): number | null {
  const match = CHINESE_DECIMAL.exec(input);
  if (!match) return null;
  const { whole = "", fraction = "", scale } = match.groups!;
  const wholeValue = parseChineseNumber(whole);
  if (wholeValue === null) return null;
  const digits = [...fraction].map((digit) => CHINESE_DIGITS[digit]).join("");
  const value = Number(`${wholeValue}.${digits}`);
  if (!scale) return value;
  const multiplier = parseChineseNumber(`1${scale}`)!;
  return timesPowerOfTen(value, Math.round(Math.log10(multiplier)));
}
