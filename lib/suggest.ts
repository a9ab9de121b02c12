/**
 * Suggests check-worthy sentences of an article: sentences that state figures, cite sources,
 * predict, compare or claim a first. Each suggestion says why it was picked, so an editor can
 * judge it at a glance. Offsets are code points (see anchor.ts).
 */

import { codePointToCodeUnit } from "./anchor";
import { type ProposedClaim, proposeClaim } from "./claim-proposal";
import { extractQuantities, type Quantity } from "./quantities";
import { codePointCursor } from "./quantities/code-point-cursor";

export type ReasonKind = "figure" | "attribution" | "prediction" | "comparison" | "superlative";

export interface Reason {
  kind: ReasonKind;
  /** The words that triggered the reason, as written. */
  match: string;
  /** Short English explanation, e.g. 'Contains a figure: “270亿美元”'. */
  label: string;
}

export interface Suggestion {
  /** The sentence, trimmed of surrounding whitespace. */
  text: string;
  /** Code point offsets of the sentence in the whole text. */
  start: number;
  end: number;
  score: number;
  reasons: Reason[];
  /** Quantities of the sentence, with offsets in the whole text. */
  quantities: Quantity[];
  /** The claim accepting it proposes: clean statement, kind and figure (lib/claim-proposal.ts). */
  claim: ProposedClaim;
}

export interface SuggestOptions {
  /** BCP 47 tag for sentence splitting; detected from the text when missing. */
  language?: string;
  limit?: number;
}

const DEFAULT_LIMIT = 20;
/** Shorter sentences ("是的。", "Yes.") carry no claim worth checking. */
const MIN_SENTENCE_LENGTH = 6;
/** A text this Han-heavy is Chinese even when it names companies and models in Latin letters. */
const HAN_SHARE_FOR_CHINESE = 0.3;

/**
 * Figures are what a fact-checker can verify most directly, so they weigh most. A sentence with
 * more kinds of reasons gains a bonus on top of their weights, so it outranks one with fewer.
 * Repeats of one kind add a little, never as much as a new kind.
 */
const WEIGHTS: Readonly<Record<ReasonKind, number>> = { figure: 4, prediction: 3, superlative: 2.5, comparison: 2, attribution: 1.5 };
const DISTINCT_KIND_BONUS = 1;
const REPEAT_BONUS = 0.25;
/** Enough to show why; more would crowd the suggestion card. */
const MAX_REASONS_PER_KIND = 3;

const HAN = "\\u4e00-\\u9fff";
const NOT_SENTENCE_END = "[^。！？；\\n]";

/** Cue words per reason, Chinese and English; both run on every sentence, since articles mix them. */
const CUES: Readonly<Record<Exclude<ReasonKind, "figure">, RegExp>> = {
  attribution: new RegExp(
    [
      "据[信悉]",
      // 据路透社报道, 根据新华社的报道; not 数据报道 ("data report").
      `(?<![数证占凭收票])据${NOT_SENTENCE_END}{0,20}?报道`,
      "援引",
      "表示",
      "认为",
      "透露",
      // 报道称, 声称; not 名称 ("name"), 称为 ("is called").
      "(?<![名简对昵俗统总堪职])称(?![为作号赞呼之职])",
      "\\baccording to\\b",
      "\\b(?:said|says|told|reported|claims|claimed)\\b",
    ].join("|"),
    "gi",
  ),
  prediction: new RegExp(
    [
      "计划",
      // 将近 is "nearly", 将军 a general.
      "将(?![近军领])",
      "预计",
      "准备",
      "有望",
      "可能",
      "预期",
      "\\bwill\\b",
      "\\bplans? to\\b",
      "\\b(?:is|are) (?:expected|set|likely) to\\b",
      "\\baims? to\\b",
      "\\bcould\\b",
    ].join("|"),
    "gi",
  ),
  comparison: new RegExp(
    [
      "\\d+(?:\\.\\d+)? ?(?:倍|x\\b)",
      "倍",
      // 比…更; not 比如 ("for example") or 比较 ("fairly").
      `比(?![如较例率])${NOT_SENTENCE_END}{1,20}?更`,
      "超过",
      "高于",
      "低于",
      "多于",
      "少于",
      "\\b(?:more|less|fewer) than\\b",
      "\\bcompared (?:with|to)\\b",
      "(?<!\\b(?:rather|other) )\\bthan\\b",
    ].join("|"),
    "gi",
  ),
  superlative: new RegExp(
    [
      "第一[个家款位次]",
      "首[个款家位次]",
      "史上",
      "创纪录",
      "纪录",
      // 最大, 最快; not 最近 ("recently"), 最终 ("finally"), 最后 ("last"), 最初 ("at first").
      `最(?![近终后初])[${HAN}]?`,
      "\\b(?:the|world's) first\\b",
      "\\bthe (?:most|best|worst)\\b",
      "\\b(?:the )?(?:largest|biggest|fastest|highest|lowest|smallest|greatest|strongest|cheapest|richest|longest|oldest)\\b",
      "\\brecord(?:-breaking|-setting)?\\b",
      "\\ball-time\\b",
    ].join("|"),
    "gi",
  ),
};

const LABELS: Readonly<Record<ReasonKind, string>> = {
  figure: "Contains a figure",
  attribution: "Cites a source",
  prediction: "Makes a prediction or plan",
  comparison: "Makes a comparison",
  superlative: "Claims a first or a superlative",
};

function reason(kind: ReasonKind, match: string): Reason {
  return { kind, match, label: `${LABELS[kind]}: “${match}”` };
}

/** "zh" when at least 30% of the letters are Han characters, else "en". */
export function detectSentenceLanguage(text: string): "zh" | "en" {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters > 0 && han / letters >= HAN_SHARE_FOR_CHINESE ? "zh" : "en";
}

function sentenceSegmenter(language: string | undefined, text: string): Intl.Segmenter {
  if (language) {
    try {
      return new Intl.Segmenter(language, { granularity: "sentence" });
    } catch {
      // An unknown tag from stored data should not break suggestions; detect instead.
    }
  }
  return new Intl.Segmenter(detectSentenceLanguage(text), { granularity: "sentence" });
}

interface Span {
  /** UTF-16 indices into the whole text. */
  from: number;
  to: number;
}

/** A blank line (possibly holding spaces) ends a paragraph, and with it any sentence. */
const BLANK_LINE = /\n[^\S\n]*\n/g;
/** The Unicode sentence rules do not end sentences at the Chinese semicolon; Chinese writing does. */
const CHINESE_SEMICOLON = /(?<=；)/;

function* paragraphs(text: string): Generator<Span> {
  let from = 0;
  for (const blank of text.matchAll(BLANK_LINE)) {
    yield { from, to: blank.index };
    from = blank.index + blank[0].length;
  }
  yield { from, to: text.length };
}

/**
 * ICU's sentence iterator slows down sharply on very long strings (a 100,000-character
 * paragraph takes seconds), so long paragraphs are fed to it in pieces of at most this many
 * UTF-16 units, cut where it would break anyway.
 */
const MAX_SEGMENTER_INPUT = 2000;
/** Places the Unicode sentence rules always break: a line end, 。！？ with closing quotes, or ". " before a capital. */
const SURE_BREAK = /\n|[。！？][」』”’）)]*|[.!?]["'”’)]*\s+(?=[A-Z])/g;

function* segmenterInputs(text: string, paragraph: Span): Generator<Span> {
  let from = paragraph.from;
  while (paragraph.to - from > MAX_SEGMENTER_INPUT) {
    const limit = from + MAX_SEGMENTER_INPUT;
    // Searching a window, not the rest of the text, keeps a text with no sentence ends linear.
    const breaks = [...text.slice(from, limit).matchAll(SURE_BREAK)];
    const last = breaks.at(-1);
    let cut = last ? from + last.index + last[0].length : limit;
    if (cut === limit && /[\uDC00-\uDFFF]/.test(text[limit] ?? "")) cut--; // never inside a surrogate pair
    yield { from, to: cut };
    from = cut;
  }
  yield { from, to: paragraph.to };
}

/** The sentences of `text`, or only of the paragraphs that overlap `within` (UTF-16 indices). */
function* sentenceSpans(text: string, segmenter: Intl.Segmenter, within?: Span): Generator<Span> {
  for (const paragraph of paragraphs(text)) {
    if (within && (paragraph.to < within.from || paragraph.from > within.to)) continue;
    for (const input of segmenterInputs(text, paragraph)) {
      // Pieces are cut where a sentence surely ends, so skipping the far ones changes no sentence.
      if (within && (input.to < within.from || input.from > within.to)) continue;
      for (const { segment, index } of segmenter.segment(text.slice(input.from, input.to))) {
        let pieceStart = input.from + index;
        // Most sentences hold no semicolon; splitting them anyway cost as much as the test.
        for (const piece of segment.includes("；") ? segment.split(CHINESE_SEMICOLON) : [segment]) {
          const leading = piece.length - piece.trimStart().length;
          const trimmed = piece.trim();
          if (trimmed) yield { from: pieceStart + leading, to: pieceStart + leading + trimmed.length };
          pieceStart += piece.length;
        }
      }
    }
  }
}

const CUE_ENTRIES = Object.entries(CUES) as [ReasonKind, RegExp][];

function cueReasons(sentence: string): Reason[] {
  const reasons: Reason[] = [];
  for (const [kind, pattern] of CUE_ENTRIES) {
    const seen = new Set<string>();
    // exec on the shared pattern, not matchAll: matchAll copies the pattern on every call,
    // which was a tenth of the time of suggestions over a long article.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      if (match[0] === "") pattern.lastIndex++; // as matchAll does; no cue matches empty words today
      if (seen.size === MAX_REASONS_PER_KIND) break;
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      reasons.push(reason(kind, match[0]));
    }
  }
  return reasons;
}

function figureReasons(quantities: readonly Quantity[]): Reason[] {
  const texts = [...new Set(quantities.map((q) => q.text))].slice(0, MAX_REASONS_PER_KIND);
  return texts.map((text) => reason("figure", text));
}

function scoreOf(reasons: readonly Reason[]): number {
  const counts = new Map<ReasonKind, number>();
  for (const r of reasons) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  let score = DISTINCT_KIND_BONUS * Math.max(0, counts.size - 1);
  for (const [kind, count] of counts) score += WEIGHTS[kind] + REPEAT_BONUS * (count - 1);
  return score;
}

/**
 * Ranks the sentences of `text` by how check-worthy they look, best first (ties in text order).
 * Sentences with no reason, or shorter than six characters, are left out.
 */
export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const toCodePoint = codePointCursor(text);
  const suggestions: Suggestion[] = [];

  for (const { from, to } of sentenceSpans(text, sentenceSegmenter(options.language, text))) {
    const start = toCodePoint(from);
    const end = toCodePoint(to);
    if (end - start < MIN_SENTENCE_LENGTH) continue;
    const sentence = text.slice(from, to);
    const quantities = extractQuantities(sentence).map((q) => ({ ...q, start: q.start + start, end: q.end + start }));
    const reasons = [...figureReasons(quantities), ...cueReasons(sentence)];
    if (reasons.length === 0) continue;
    suggestions.push({ text: sentence, start, end, score: scoreOf(reasons), reasons, quantities, claim: NOT_YET_PROPOSED });
  }

  // Proposed only for the suggestions returned: a long article has hundreds of candidates.
  return suggestions
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit)
    .map((s) => ({ ...s, claim: proposeClaim(s.text, { quantity: s.quantities[0] ?? null }) }));
}

const NOT_YET_PROPOSED: ProposedClaim = { statement: "", kind: "fact", quantity: null, claimant: null };

export interface SentenceSpan {
  text: string;
  /** Code point offsets in the whole text. */
  start: number;
  end: number;
}

/**
 * The sentence (or run of sentences) around a span of `text`, given and returned in code points:
 * what a hand selection of a few words ("1750亿+个参数") proposes as its claim's statement.
 * Split as suggestions are, so a selection and a suggestion of the same words agree.
 */
export function sentenceAround(text: string, start: number, end: number, language?: string): SentenceSpan {
  const from = codePointToCodeUnit(text, start);
  const to = codePointToCodeUnit(text, Math.max(start, end));
  let first: Span | null = null;
  let last: Span | null = null;
  for (const span of sentenceSpans(text, sentenceSegmenter(language, text), { from, to })) {
    // A sentence holds the selection's first character, or ends after it starts.
    if (span.to <= from && !(from === to && span.to === from)) continue;
    if (span.from >= to && first) break;
    first ??= span;
    last = span;
    if (span.to >= to) break;
  }
  if (!first || !last) return { text: text.slice(from, to), start, end };
  const cursor = codePointCursor(text);
  return { text: text.slice(first.from, last.to), start: cursor(first.from), end: cursor(last.to) };
}
