/**
 * What to ask the database for when looking for claims like a text: a cheap, generous first
 * cut that similarity.ts then scores. Two kinds of terms, because the trigram index (SQLite's
 * FTS5 table, PostgreSQL's pg_trgm one) cannot match anything shorter than three characters:
 * - `trigrams`: the text's three-character pieces, never across a separator, for the index
 *   (each engine quotes them its own way, db/engines/<engine>/claim-search.ts); none when the
 *   text is shorter.
 * - `substrings`: lowercase words of 3+ letters or 2+ digits, and the CJK bigrams that
 *   Chinese words mostly are (计划, 开源), for a substring scan: "计划发布开源模型" and
 *   "正计划向公众发布第一个开源语言模型" share no trigram at all.
 * Both are capped, sampled evenly over the text, so a long text costs the same as a claim.
 * SQLite's lower() folds ASCII only: a non-ASCII capital (É) in a claim is found through the
 * trigram index, which folds all case, not through the substrings.
 */
import { CJK, STOP_WORDS } from "./features";

const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

export const MAX_TRIGRAMS = 64;
export const MAX_SUBSTRINGS = 32;

export interface SearchTerms {
  trigrams: string[];
  substrings: string[];
}

/** Up to `max` items spread evenly over the list, first and last included. */
function sampleEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

function ngrams(chars: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(""));
  return grams;
}

/** The runs of CJK characters, and the rest, of one separator-free segment ("1750亿个参数" → 1750, 亿个参数). */
function scriptRuns(segment: string): { cjk: boolean; chars: string[] }[] {
  const runs: { cjk: boolean; chars: string[] }[] = [];
  for (const ch of segment) {
    const cjk = CJK.test(ch);
    const last = runs.at(-1);
    if (last && last.cjk === cjk) last.chars.push(ch);
    else runs.push({ cjk, chars: [ch] });
  }
  return runs;
}

export function searchTerms(text: string): SearchTerms {
  const segments = text
    .normalize("NFKC")
    .toLowerCase()
    .split(SEPARATORS)
    .filter((s) => s !== "" && !STOP_WORDS.has(s));
  const trigrams = new Set<string>();
  const substrings = new Set<string>();
  for (const segment of segments) {
    for (const gram of ngrams(Array.from(segment), 3)) trigrams.add(gram);
    for (const run of scriptRuns(segment)) {
      if (run.cjk) for (const gram of ngrams(run.chars, 2)) substrings.add(gram);
      else if (run.chars.length >= 3 || (run.chars.length === 2 && /^\p{N}+$/u.test(run.chars.join("")))) substrings.add(run.chars.join(""));
    }
  }
  // Too short for any of the above ("AI", "开"): the text's own pieces, or nothing would be found.
  if (trigrams.size === 0 && substrings.size === 0) for (const segment of segments) substrings.add(segment);
  return {
    trigrams: sampleEvenly([...trigrams], MAX_TRIGRAMS),
    substrings: sampleEvenly([...substrings], MAX_SUBSTRINGS),
  };
}
