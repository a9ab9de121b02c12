import { parseChineseNumber } from "./chinese-numerals";
import { codePointCursor } from "./code-point-cursor";
import { timesPowerOfTen } from "./decimal";
import { FRACTION_WORDS, NUMBER_WORD_PATTERN, parseEnglishNumber, SCALE_WORD_EXPONENTS } from "./english-numbers";
import {
  followsCapitalisedName,
  isChineseDate,
  isIdOrPhoneNumber,
  isJoinedToNextNumber,
  isNextToMonthName,
  isOrdinal,
  isPartOfNameOrCode,
  isYearLike,
} from "./exclusions";
import { foldWidth } from "./normalize";
import { qualifierAfter, qualifierBefore } from "./qualifiers";
import type { Qualifier, Quantity } from "./types";
import { currencyBefore, isCountedNoun, unitAt } from "./units";

const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿";
const CN_SCALES = "十百千万亿";
/** 点 and digits read one by one, then 万 or 亿: 三十五点五, 一点七五万亿. */
const CN_DECIMAL = "点[零〇一二三四五六七八九]+(?:千万|百万|万亿|万|亿)?";
/** Last characters of the degree words a bare 百/千/万/亿 may follow: 逾, 超(过), (将)近, (大)约, 至少, 不到, 不足, 多达, 上, 突破, 高于. */
const LEAD_AFTER = "逾超过近约少到足达上破于";
/** Words of degree that only exist before a bare 百/千/万 ("上万人", "过百万"), so qualifiers.ts does not know them. */
const LEAD_QUALIFIERS: Readonly<Record<string, Qualifier>> = { 上: ">=", 过: ">=", 破: ">=" };

/** Where a number starts; everything around it (currency, scale, unit, qualifiers) is read from there. */
const NUMBER_CORE = new RegExp(
  [
    `(?<fraction>[${CN_NUMERALS}]+分之(?:[${CN_NUMERALS}]+(?:${CN_DECIMAL})?|${ARABIC}))`, // 三分之一, 百分之二十, 百分之三十五点五
    `(?<several>[数几][${CN_SCALES}]+)`, // 数十亿: "several billion", at least one billion
    // 270亿, 1.2万, 100多万, 20,000, "3000 多名" (a space before 多 as before a unit)
    `(?<arabic>${ARABIC}(?: ?[多余]?[${CN_SCALES}]+)?(?:[多余]| [多余](?![样种少数]))?)`,
    // Chinese numerals start with a digit or 十; runs starting with 万 or 千 are words ("万一", "千万不要").
    `(?<chinese>[一二两三四五六七八九十][${CN_NUMERALS}]*(?:${CN_DECIMAL}|[多余][${CN_SCALES}]*)?)`,
    // ...except right after a word of degree: 逾百万, 近千家, 上万人, 超百亿 (checked in readQuantity).
    `(?<lead>(?<=[${LEAD_AFTER}] ?)[百千万亿]+)`,
    `(?<fold>\\b(?:${NUMBER_WORD_PATTERN}|hundred|thousand)fold\\b)`,
    `(?<words>\\b(?:${NUMBER_WORD_PATTERN})(?:[ -](?:${NUMBER_WORD_PATTERN}|hundred))*\\b)`,
    `(?<article>\\ba(?= (?:hundred|thousand|million|billion|trillion|third|quarter|half)\\b))`,
  ].join("|"),
  "gi",
);

const SCALE_SUFFIX = /( ?(?:bn|tn|mn)|k|m|b|t)(?![A-Za-z0-9])/iy;
const SUFFIX_EXPONENTS: Readonly<Record<string, number>> = { k: 3, m: 6, mn: 6, b: 9, bn: 9, t: 12, tn: 12 };
const SCALE_WORDS = /(?:[ -](?:hundred|thousand|million|billion|trillion))+(?![A-Za-z])/iy;
const FRACTION_AFTER = /[ -](halves|half|thirds|third|quarters|quarter|fifths|fifth|tenths|tenth)(?![A-Za-z])/iy;
const TIMES_SUFFIX = /x(?![A-Za-z0-9])/iy;

/** NUMBER_CORE's groups, in its order. */
const CORE_KINDS = ["fraction", "several", "arabic", "chinese", "lead", "fold", "words", "article"] as const;
type CoreKind = (typeof CORE_KINDS)[number];

interface Core {
  kind: CoreKind;
  value: number;
  /** Unit fixed by the numeral itself: fractions and "tenfold". */
  unit: string | null;
  /** Qualifier written inside the numeral: 100多万, 十余年, 数十亿. */
  qualifier: Qualifier | null;
  /** Already multiplied by 万/亿 or similar. */
  scaled: boolean;
  /** Digits as written, for telling years from counts. */
  digits: string;
  /** A single Chinese digit ("两", "十") is only a quantity with a unit ("两成", "十倍"). */
  single: boolean;
}

type CoreDetails = Partial<Omit<Core, "kind" | "value">>;

/** Builds a Core field by field: spreading a shared base object was a tenth of the extractor's time. */
function core(kind: CoreKind, value: number, { unit = null, qualifier = null, scaled = false, digits = "", single = false }: CoreDetails = {}): Core {
  return { kind, value, unit, qualifier, scaled, digits, single };
}

function readCore(kind: CoreKind, written: string): Core | null {
  switch (kind) {
    case "fraction": {
      const [denominatorText = "", numeratorText = ""] = written.split("分之");
      const denominator = parseChineseNumber(denominatorText);
      const numerator = parseChineseNumber(numeratorText);
      if (!denominator || numerator === null) return null;
      return denominator === 100
        ? core(kind, numerator, { unit: "percent" })
        : core(kind, numerator / denominator, { unit: "ratio" });
    }
    case "several": {
      const value = parseChineseNumber(written.slice(1));
      return value === null ? null : core(kind, value, { qualifier: ">=", scaled: true });
    }
    case "arabic": {
      const digits = /^[\d,.]+/.exec(written)![0];
      const rest = written.slice(digits.length).trim();
      const scales = rest.replace(/[多余]/g, "");
      const value = parseChineseNumber(digits.replace(/,/g, "") + scales);
      if (value === null) return null;
      return core(kind, value, { digits, scaled: scales.length > 0, qualifier: rest.length > scales.length ? ">=" : null });
    }
    case "chinese": {
      // 多/余 follow a unit ("三十多", "十余"), never a bare digit ("一多半").
      if (/[零〇一二两三四五六七八九][多余]/.test(written)) return null;
      const numeral = written.replace(/[多余]/, "");
      const value = parseChineseNumber(numeral);
      if (value === null) return null;
      return core(kind, value, { single: numeral.length === 1, qualifier: numeral.length < written.length ? ">=" : null });
    }
    case "lead": {
      const value = parseChineseNumber(written);
      return value === null ? null : core(kind, value, { scaled: true });
    }
    case "fold": {
      const word = written.slice(0, -"fold".length).toLowerCase();
      const exponent = SCALE_WORD_EXPONENTS[word];
      const value = exponent !== undefined ? 10 ** exponent : parseEnglishNumber(word);
      return value === null ? null : core(kind, value, { unit: "times" });
    }
    case "words": {
      const value = parseEnglishNumber(written);
      return value === null ? null : core(kind, value);
    }
    case "article":
      return core(kind, 1);
  }
}

interface Reading {
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
}

/** The number as read so far; each step below moves `position` past what it consumed. */
interface Progress {
  value: number;
  unit: string | null;
  scaled: boolean;
  position: number;
  /** "5m", "7B": millions or billions only with money or a counted noun (else metres, a model size). */
  ambiguousScale: boolean;
  /** Letters touch the digits ("5G", "1990s") with no scale letter to explain them. */
  gluedToLetter: boolean;
  plus: boolean;
}

/** Scale letters and words, "x", spelled fractions and a trailing "+": "1.5bn", "10x", "27 billion", "one third", "175 billion+". */
function readMagnitude(text: string, core: Core, coreStart: number, coreEnd: number, hasCurrency: boolean): Progress | null {
  const { kind } = core;
  const progress: Progress = { value: core.value, unit: core.unit, scaled: core.scaled, position: coreEnd, ambiguousScale: false, gluedToLetter: false, plus: false };

  if (kind === "arabic" && !progress.scaled) {
    SCALE_SUFFIX.lastIndex = coreEnd;
    TIMES_SUFFIX.lastIndex = coreEnd;
    const suffix = SCALE_SUFFIX.exec(text);
    if (suffix) {
      const letters = suffix[1]!.trim();
      // "4K" and "8K" are screen resolutions.
      if (letters === "K" && /^\d$/.test(core.digits) && !hasCurrency) return null;
      progress.value = timesPowerOfTen(progress.value, SUFFIX_EXPONENTS[letters.toLowerCase()]!);
      progress.ambiguousScale = letters.length === 1 && letters.toLowerCase() !== "k";
      progress.scaled = true;
      progress.position = SCALE_SUFFIX.lastIndex;
    } else if (TIMES_SUFFIX.test(text)) {
      progress.unit = "times";
      progress.position = TIMES_SUFFIX.lastIndex;
    }
    progress.gluedToLetter = /[A-Za-z]/.test(text[progress.position] ?? "") && /\d$/.test(text.slice(coreStart, progress.position));
  }
  if ((kind === "arabic" && !progress.scaled) || kind === "words" || kind === "article") {
    SCALE_WORDS.lastIndex = progress.position;
    const words = SCALE_WORDS.exec(text);
    if (words) {
      for (const word of words[0].toLowerCase().split(/[ -]/).filter(Boolean)) {
        progress.value = timesPowerOfTen(progress.value, SCALE_WORD_EXPONENTS[word]!);
      }
      progress.scaled = true;
      progress.position = SCALE_WORDS.lastIndex;
    }
  }
  if ((kind === "words" || kind === "article") && !progress.scaled) {
    FRACTION_AFTER.lastIndex = progress.position;
    const fraction = FRACTION_AFTER.exec(text);
    if (fraction) {
      progress.value /= FRACTION_WORDS[fraction[1]!.toLowerCase()]!;
      progress.unit = "ratio";
      progress.position = FRACTION_AFTER.lastIndex;
    }
  }
  if (text[progress.position] === "+") {
    progress.plus = true;
    progress.position++;
  }
  return progress;
}

/** The unit after the number; a currency sign before it wins, and may be repeated after it (人民币500亿元). */
function readUnit(text: string, core: Core, progress: Progress, currency: string | null): void {
  const written = unitAt(text, progress.position);
  if (currency) {
    progress.unit = currency;
    if (written?.unit === currency) progress.position = written.end;
    return;
  }
  if (progress.unit !== null || !written) return;
  // 成 counts tenths, and only after a Chinese digit: 两成, 近三成.
  if (written.factor !== 1 && !(core.kind === "chinese" && progress.value <= 10)) return;
  progress.unit = written.unit;
  progress.value *= written.factor;
  progress.position = written.end;
  // "1.2万元人民币": the currency named twice is one unit.
  if (written.unit === "CNY" && text.startsWith("人民币", progress.position)) progress.position += "人民币".length;
}

/** Numbers that read fine but mean something else: codes, dates, a lone "一" or "one". */
function isNotAQuantity(text: string, core: Core, coreStart: number, coreEnd: number, progress: Progress, unit: string, hasCurrency: boolean): boolean {
  const { kind } = core;
  const { scaled, value } = progress;
  if (progress.gluedToLetter && unit === "") return true; // "5G", "1990s", "3D", "128GB"
  if (progress.ambiguousScale && !hasCurrency && !isCountedNoun(unit)) return true;
  if (kind === "arabic" && isJoinedToNextNumber(text, coreEnd)) return true;
  if (core.single && (unit === "" || (value === 1 && unit !== "times"))) return true; // "一些", "一天"
  if ((kind === "words" || kind === "article") && !scaled && unit !== "ratio" && (unit === "" || core.value === 1)) return true; // "one of", "one day"
  if (kind === "arabic" && !scaled && unit === "" && isIdOrPhoneNumber(text, coreStart, core.digits)) return true;
  // 三点五 alone is as likely a time as a number; 三十五点五亿 and 一点五倍 are figures.
  if (kind === "chinese" && unit === "" && /点[^万亿]*$/.test(text.slice(coreStart, coreEnd))) return true;
  // 千万 is also "by all means" (千万不要) and 万 "ten thousand" or "in case": a bare 万 run needs a unit or to end a clause.
  if (kind === "lead" && unit === "" && HAN_CHARACTER.test(text[progress.position] ?? "")) return true;
  if (kind === "arabic" || kind === "chinese") {
    if (!scaled && unit === "" && isChineseDate(text, coreEnd, value)) return true;
    if (!scaled && (unit === "" || unit === "years") && isNextToMonthName(text, coreStart, coreEnd)) return true;
  }
  return false;
}

const HAN_CHARACTER = /[\u4e00-\u9fff]/;

/** 上万人, 过百万, 破千亿: the degree word before a bare 百/千/万/亿 that only such runs take. */
function leadQualifierBefore(text: string, kind: CoreKind, start: number, floor: number): { qualifier: Qualifier; start: number } | null {
  if (kind !== "lead") return null;
  const at = text[start - 1] === " " ? start - 2 : start - 1;
  const qualifier = at >= floor ? LEAD_QUALIFIERS[text[at] ?? ""] : undefined;
  return qualifier ? { qualifier, start: at } : null;
}

/** Reads the quantity around one number, or null when the number is not a quantity (a date, a name, a stray "一"). */
function readQuantity(text: string, kind: CoreKind, coreStart: number, coreEnd: number, floor: number): Reading | null {
  const core = readCore(kind, text.slice(coreStart, coreEnd));
  if (!core || isOrdinal(text, coreStart)) return null;
  if (kind === "arabic" && isPartOfNameOrCode(text, coreStart)) return null;
  if (kind === "chinese" && coreStart > 0 && CN_NUMERALS.includes(text[coreStart - 1]!)) return null; // the 一 of 万一

  const currency = kind === "arabic" || kind === "chinese" ? currencyBefore(text, coreStart, floor) : null;
  const progress = readMagnitude(text, core, coreStart, coreEnd, currency !== null);
  if (!progress) return null;
  readUnit(text, core, progress, currency?.unit ?? null);
  const unit = progress.unit ?? "";
  if (isNotAQuantity(text, core, coreStart, coreEnd, progress, unit, currency !== null)) return null;

  const after = qualifierAfter(text, progress.position);
  const end = after?.end ?? progress.position;
  const spanStart = currency?.start ?? coreStart;
  const before = qualifierBefore(text, spanStart, floor) ?? leadQualifierBefore(text, kind, spanStart, floor);
  const qualifier = before?.qualifier ?? core.qualifier ?? (progress.plus ? ">=" : null) ?? after?.qualifier ?? "=";

  const bare = unit === "" && !progress.scaled && !currency && qualifier === "=";
  // A bare 4-digit number between 1900 and 2100, or one followed by 年, is a year.
  if (kind === "arabic" && !progress.scaled && isYearLike(core.digits) && (unit === "years" || bare)) return null;
  if (kind === "arabic" && bare && followsCapitalisedName(text, coreStart)) return null;

  return { start: before?.start ?? spanStart, end, value: progress.value, unit, qualifier };
}

/**
 * Finds the quantities written in a text: money, percentages, multipliers, ratios and counts,
 * in Chinese and English. Matches never overlap and come in text order; offsets are code points.
 */
export function extractQuantities(input: string): Quantity[] {
  const text = foldWidth(input);
  const toCodePoint = codePointCursor(input);
  // Shared, not copied: copying recompiles the pattern, which dominated the cost on short sentences.
  const numbers = NUMBER_CORE;
  numbers.lastIndex = 0;
  const quantities: Quantity[] = [];
  let floor = 0;

  for (let match = numbers.exec(text); match; match = numbers.exec(text)) {
    const groups = match.groups!;
    const kind = CORE_KINDS.find((name) => groups[name] !== undefined)!;
    const reading = readQuantity(text, kind, match.index, match.index + match[0].length, floor);
    if (!reading) continue;
    const { start, end, value, unit, qualifier } = reading;
    quantities.push({ text: input.slice(start, end), start: toCodePoint(start), end: toCodePoint(end), value, unit, qualifier });
    floor = end;
    numbers.lastIndex = end;
  }
  return quantities;
}
