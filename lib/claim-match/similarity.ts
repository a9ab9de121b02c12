/**
 * How alike two claim texts are, in Chinese, English or both mixed, and which words of one
 * match the other. Pure: the data-access layer finds candidates, this scores them.
 *
 * Score = ½ Dice + ½ containment over the weighted features of features.ts, where shared
 * weight = Σ min(weight in a, weight in b):
 * - Dice = 2·shared / (total a + total b): how much the two texts share overall;
 * - containment = shared / min(total a, total b): how much of the shorter one the longer covers.
 * Containment alone would call any short text a match of every text containing it; Dice alone
 * punishes the usual paraphrase that adds detail ("OpenAI 计划发布开源模型" against
 * "OpenAI 正计划向公众发布第一个开源语言模型"). The mean is 1 for texts that normalise the
 * same, 0 for texts with nothing in common.
 *
 * No npm package fitted: the Dice packages (dice-coefficient, string-similarity, archived) take
 * plain character bigrams, so an English word counts by its length, and none returns where the
 * texts match.
 */
import { featureOccurrences, type PreparedText, prepareText, type TextFeatures, textFeatures } from "./features";

export { type PreparedText, prepareText, type TextFeatures, textFeatures } from "./features";

/** A matching stretch of the candidate text: code point offsets (as mention anchors), end exclusive. */
export interface MatchSpan {
  start: number;
  end: number;
}

/** A Latin word is highlighted when at least this share of its trigrams appear in the other text. */
const WORD_MATCH_SHARE = 0.5;

/** Similarity of two texts whose features were computed once (see the formula above). */
export function featureSimilarity(a: TextFeatures, b: TextFeatures): number {
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, weight] of small.features) {
    const other = large.features.get(key);
    if (other !== undefined) shared += Math.min(weight, other);
  }
  return scoreFromOverlap(shared, a.total, b.total);
}

/** The score from the shared weight and each text's total weight (the formula above). */
export function scoreFromOverlap(shared: number, totalA: number, totalB: number): number {
  if (totalA === 0 || totalB === 0) return 0;
  const dice = (2 * shared) / (totalA + totalB);
  const containment = shared / Math.min(totalA, totalB);
  // Rounding keeps a score of exactly 1 for equal texts despite float sums in another order.
  return Math.round(((dice + containment) / 2) * 1e6) / 1e6;
}

/** Similarity of two claim texts, 0 (nothing in common) to 1 (the same once normalised). */
export function claimSimilarity(a: string, b: string): number {
  return featureSimilarity(textFeatures(a), textFeatures(b));
}

/**
 * The stretches of `candidate` that match `query`, for wrapping in <mark>: CJK characters that
 * belong to a bigram or trigram found in the query, and whole Latin words at least half of
 * whose trigrams are. Neighbouring matches separated only by spaces or punctuation are joined
 * ("open-source model" is one span). Offsets are code points of `candidate`, so
 * lib/highlight.ts `splitIntoRuns` can cut the text with them.
 */
export function matchingSpans(query: string | TextFeatures, candidate: string | PreparedText): MatchSpan[] {
  const wanted = (typeof query === "string" ? textFeatures(query) : query).features;
  const { units } = typeof candidate === "string" ? prepareText(candidate) : candidate;
  const sharedWeight = new Array<number>(units.length).fill(0);
  const wordWeight = new Array<number>(units.length).fill(0);
  const matchedCjk = new Set<number>();
  for (const { key, weight, first, count } of featureOccurrences(units)) {
    const isWord = !units[first]!.cjk;
    if (isWord) wordWeight[first]! += weight;
    if (!wanted.has(key)) continue;
    if (isWord) sharedWeight[first]! += weight;
    else for (let u = first; u < first + count; u++) matchedCjk.add(u);
  }
  const spans: MatchSpan[] = [];
  let previousMatched = false;
  units.forEach((unit, i) => {
    const matched = unit.cjk ? matchedCjk.has(i) : wordWeight[i]! > 0 && sharedWeight[i]! >= WORD_MATCH_SHARE * wordWeight[i]!;
    // Consecutive units have only separators (spaces, punctuation) between them: one span.
    if (matched && previousMatched) spans.at(-1)!.end = unit.end;
    else if (matched) spans.push({ start: unit.start, end: unit.end });
    previousMatched = matched;
  });
  return spans;
}
