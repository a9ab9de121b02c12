import { codePointLength } from "../lib/anchor";
import { suggestClaims } from "../lib/suggest";
import { claimText, fillerSentence, frameQuote, type Lang } from "./corpus";
import { median } from "./measure";
import { createRng } from "./prng";

export const SUGGEST_TEXT_LENGTH = 100_000;

/**
 * A long mixed article: paragraphs alternating Chinese and English, with figures, attributions
 * and plans among plain sentences, as the workbench gets from a long feature or a transcript.
 */
export function mixedArticle(length = SUGGEST_TEXT_LENGTH, seed = 7): string {
  const rng = createRng(seed);
  const paragraphs: string[] = [];
  let total = 0;
  for (let serial = 0; total < length; serial++) {
    const lang: Lang = serial % 2 === 0 ? "zh" : "en";
    const sentences: string[] = [];
    for (let i = 0; i < 4; i++) {
      if (rng.chance(0.5)) {
        const claim = claimText(rng, lang, serial * 4 + i, 2020 + rng.int(0, 8));
        const [before, after] = frameQuote(rng, lang, claim.claimant);
        sentences.push(`${before}${claim.quote}${after}`);
      } else {
        sentences.push(fillerSentence(rng, lang, rng.int(0, 11)));
      }
    }
    const paragraph = sentences.join(lang === "zh" ? "" : " ");
    paragraphs.push(paragraph);
    total += codePointLength(paragraph) + 2;
  }
  return Array.from(paragraphs.join("\n\n")).slice(0, length).join("");
}

export interface SuggestTiming {
  /** The first call in a fresh process: regexes compiled, the segmenter loaded, nothing optimised yet. */
  coldMs: number;
  /** Median of the runs after three warm-up calls: what a running server spends. */
  medianMs: number;
  runsMs: number[];
  characters: number;
  suggestions: number;
}

/** suggestClaims as the workbench calls it (db/suggestions/suggest-for-article.ts), timed over several runs. */
export function timeSuggestions(runs = 9): SuggestTiming {
  const text = mixedArticle();
  const suggest = () => suggestClaims(text, { language: "zh-Hans", limit: 50 }).length;
  const timed = () => {
    const started = performance.now();
    suggest();
    return performance.now() - started;
  };
  const coldMs = timed();
  for (let i = 0; i < 2; i++) timed();
  const runsMs = Array.from({ length: runs }, timed);
  return { coldMs, medianMs: median(runsMs), runsMs, characters: codePointLength(text), suggestions: suggest() };
}
