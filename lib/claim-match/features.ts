/**
 * What two claim texts are compared on. A text becomes a list of units, each a CJK character
 * or a Latin-ish word (letters and digits of any other script), normalised (NFKC, lowercase,
 * Latin accents dropped) and remembering the code points of the original text it came from,
 * so matches can be highlighted there. Punctuation and white space only separate units.
 *
 * Each unit then yields weighted features:
 * - CJK: character bigrams (weight 1) and trigrams (weight ½) over consecutive CJK characters.
 *   Chinese has no spaces, so bigrams stand in for words (计划, 发布, 开源, 模型); trigrams add
 *   a bonus for longer runs in common. A lone CJK character yields a unigram.
 * - Latin words: their character trigrams with ^ and $ at the ends ("^re", "rel", …, "se$"),
 *   so "release" and "released" mostly agree. The trigrams of one word share a weight of 2,
 *   whatever its length: a word counts like a two-character Chinese word, so a long name
 *   ("OpenAI") does not outweigh the rest of the claim. A number is one feature of the same
 *   weight (1750 and 175 are different figures). A few English function words are left out.
 */

export const LATIN_WORD_WEIGHT = 2;
const CJK_BIGRAM_WEIGHT = 1;
const CJK_TRIGRAM_WEIGHT = 0.5;

/** Words that say nothing about which claim this is. Numbers and names are never here. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and are as at be been by for from has have is it its of on or that the this to was were will with would s".split(" "),
);

export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}/gu;

export interface Unit {
  /** Normalised text of the unit. */
  text: string;
  /** Code point offsets in the original text, end exclusive. */
  start: number;
  end: number;
  cjk: boolean;
  /** An English function word: a unit, but it yields no feature. */
  stop: boolean;
}

/** What scoring needs of a text. */
export interface TextFeatures {
  /** Feature → weight, summed over its occurrences. */
  features: Map<string, number>;
  /** Sum of all feature weights. */
  total: number;
}

/** What highlighting needs too: the units, pointing back at the original text. */
export interface PreparedText extends TextFeatures {
  units: Unit[];
}

/** NFKC and lowercase one code point; ASCII and common Han skip the (slower) normaliser. */
function normaliseCodePoint(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  const folded = ch.normalize("NFKC").toLowerCase();
  return LATIN.test(folded) ? folded.normalize("NFD").replace(MARKS, "") : folded;
}

type CharClass = "cjk" | "word" | "separator";

/** What a normalised character is, with fast paths for ASCII and common Han. */
function classify(ch: string): CharClass {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? "word" : "separator";
  if ((code >= 0x4e00 && code <= 0x9fff) || CJK.test(ch)) return "cjk";
  return WORD_CHAR.test(ch) ? "word" : "separator";
}

/** Splits a text into normalised units, each pointing back at its code points. */
export function textUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let word: Unit | null = null;
  const closeWord = () => {
    if (word) {
      word.stop = STOP_WORDS.has(word.text);
      units.push(word);
    }
    word = null;
  };
  let index = 0;
  for (const original of text) {
    // One code point may normalise to several characters (ﬁ → fi); they all point back at it.
    for (const ch of normaliseCodePoint(original)) {
      const kind = classify(ch);
      if (kind === "cjk") {
        closeWord();
        units.push({ text: ch, start: index, end: index + 1, cjk: true, stop: false });
      } else if (kind === "word") {
        if (word) {
          word.text += ch;
          word.end = index + 1;
        } else word = { text: ch, start: index, end: index + 1, cjk: false, stop: false };
      } else closeWord();
    }
    index++;
  }
  closeWord();
  return units;
}

/** One feature occurrence: its key, weight and the units it is made of, units[first] to units[first + count - 1]. */
export interface FeatureOccurrence {
  key: string;
  weight: number;
  first: number;
  count: number;
}

type FeatureVisitor = (key: string, weight: number, first: number, count: number) => void;

/** Calls `visit` for every feature occurrence of the units, in text order. */
function forEachFeature(units: readonly Unit[], visit: FeatureVisitor): void {
  let runStart = 0;
  let runLength = 0;
  const closeRun = () => {
    const at = (k: number) => units[runStart + k]!.text;
    if (runLength === 1) visit(at(0), CJK_BIGRAM_WEIGHT, runStart, 1);
    for (let k = 0; k + 1 < runLength; k++) {
      visit(at(k) + at(k + 1), CJK_BIGRAM_WEIGHT, runStart + k, 2);
      if (k + 2 < runLength) visit(at(k) + at(k + 1) + at(k + 2), CJK_TRIGRAM_WEIGHT, runStart + k, 3);
    }
    runLength = 0;
  };
  units.forEach((unit, i) => {
    if (unit.cjk) {
      if (runLength === 0) runStart = i;
      runLength++;
      return;
    }
    // A Latin word between CJK characters ends the run; punctuation alone does not (it is no unit).
    closeRun();
    if (unit.stop) return;
    // A number matches only itself: 1750 and 175 are different figures, not near spellings.
    const grams = /^\p{N}+$/u.test(unit.text) ? [`#${unit.text}`] : wordTrigrams(unit.text);
    for (const key of grams) visit(key, LATIN_WORD_WEIGHT / grams.length, i, 1);
  });
  closeRun();
}

/** Every feature occurrence of the units, in text order. */
export function featureOccurrences(units: readonly Unit[]): FeatureOccurrence[] {
  const found: FeatureOccurrence[] = [];
  forEachFeature(units, (key, weight, first, count) => found.push({ key, weight, first, count }));
  return found;
}

/** "gpt" → ^gp, gpt, pt$; "3" → ^3$. */
export function wordTrigrams(word: string): string[] {
  const padded = `^${word}$`;
  // Astral letters are two UTF-16 units: split by code point only when there are any.
  const chars = /[\uD800-\uDFFF]/.test(padded) ? Array.from(padded) : padded;
  if (chars.length <= 3) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) grams.push(typeof chars === "string" ? chars.slice(i, i + 3) : chars.slice(i, i + 3).join(""));
  return grams;
}

function summedFeatures(units: readonly Unit[]): TextFeatures {
  const features = new Map<string, number>();
  let total = 0;
  forEachFeature(units, (key, weight) => {
    features.set(key, (features.get(key) ?? 0) + weight);
    total += weight;
  });
  return { features, total };
}

/** The summed features of a text, for scoring only: compute once, compare many times. */
export function textFeatures(text: string): TextFeatures {
  return summedFeatures(textUnits(text));
}

/** Units and summed features of a text, for scoring and highlighting. */
export function prepareText(text: string): PreparedText {
  const units = textUnits(text);
  return { units, ...summedFeatures(units) };
}
