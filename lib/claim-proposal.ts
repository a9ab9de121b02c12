/**
 * What a sentence proposes as a claim: a clean statement (the checkable core, without the
 * quotation marks, brackets, list markers and trailing connectives a sentence is written with,
 * at most STATEMENT_MAX_LENGTH characters, cut where a clause ends), a kind, and the figure it
 * states. Used when an editor accepts a suggestion or turns a selection into a claim, and by
 * POST /api/v1/suggest. Pure; Chinese, English and mixed text alike.
 */

import { type ClaimKind, STATEMENT_MAX_LENGTH } from "./claim-rules";
import { extractQuantities, type Qualifier, type Quantity } from "./quantities";

export interface ProposedQuantity {
  value: number;
  unit: string;
  qualifier: Qualifier;
}

export interface ProposedClaim {
  statement: string;
  kind: ClaimKind;
  /** The figure the claim states, or null; set whenever the sentence has one, whatever the kind. */
  quantity: ProposedQuantity | null;
  /** Who said it, when the sentence names a speaker around a quotation ("雷军表示：“…”" → 雷军); else null. */
  claimant: string | null;
}

/** Opening mark → its closing mark. ASCII " opens and closes alike. */
const PAIRS: Readonly<Record<string, string>> = {
  "“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "﹁": "﹂", "﹃": "﹄", "《": "》",
  "（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕", "〈": "〉", "〖": "〗",
};
const CLOSERS = new Set(Object.values(PAIRS));
/** Book-title marks name a work; a sentence that is only a title keeps them. */
const KEEP_WRAPPED = new Set(["《"]);

/** Punctuation that ends a sentence or a clause, in Chinese and English, and the ellipsis. */
const TRAILING_PUNCTUATION = /[\s。！？!?；;，,、：:…—–-]+$/u;
/** A full stop, unless it ends an abbreviation written with stops ("U.S.", "a.m."). */
const TRAILING_STOP = /(?<!\b(?:[A-Za-z]\.)+[A-Za-z])\.+$/;
/**
 * Words that join a clause to the next one: a statement ending with one was cut short. Most
 * only after a comma: "What is that?" ends with "that" and is whole.
 */
const TRAILING_CONNECTIVE =
  /(?:[，,、；;：:]\s*(?:and|but|or|while|whereas|which|that|because|so|as well as|although|though|with)|\s+(?:and|but|or|because|although|whereas)|[，,、；;：:]\s*(?:而且|而|但是|但|并且|并|且|以及|和|与|或者|或|及|因为|所以|因此|同时|其中))$/iu;
/** Discourse markers that open a sentence without being part of what it claims. */
const LEADING_MARKER =
  /^(?:(?:此外|另外|同时|然而|但是|不过|而且|并且|因此|所以|总之|事实上|据悉|据了解|据报道|报道称|消息称|有消息称|相比之下|与此同时|值得注意的是|值得一提的是|作为对比)\s*[，,：:]\s*|(?:However|Meanwhile|Moreover|Furthermore|In addition|Also|Still|Instead|Indeed|In fact|By contrast|In comparison),\s+|(?:And|But)\s+(?=\S))/iu;
/** Bullets and numbering of a list item: "• ", "1. ", "2、", "（三）". */
const LIST_MARKER = /^(?:[-*•·▪●◆■]\s+|\d{1,2}[.)）](?=\s)\s*|\d{1,2}、\s*|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*|[一二三四五六七八九十]{1,3}、\s*)/u;

/** Where in `text` the mark opened at `open` is closed, or -1 (nesting of the same pair counted). */
function closingIndex(points: readonly string[], open: number): number {
  const opener = points[open]!;
  const closer = PAIRS[opener]!;
  let depth = 0;
  for (let i = open + 1; i < points.length; i++) {
    if (points[i] === closer && (opener === closer || depth === 0)) return i;
    if (opener !== closer && points[i] === opener) depth++;
    else if (opener !== closer && points[i] === closer) depth--;
  }
  return -1;
}

function openerOf(closer: string): string | undefined {
  return Object.keys(PAIRS).find((open) => PAIRS[open] === closer);
}

/** Drops marks that wrap the whole text, a stray opener at the start and a stray closer at the end. */
function stripWrapping(text: string): string {
  const points = Array.from(text);
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return text;
  if (first in PAIRS && !KEEP_WRAPPED.has(first)) {
    const close = closingIndex(points, 0);
    if (close === points.length - 1 && points.length > 1) return points.slice(1, -1).join("");
    if (close === -1) return points.slice(1).join(""); // the sentence started inside a quote it does not finish
  }
  if (CLOSERS.has(first) && !(first in PAIRS)) return points.slice(1).join(""); // the tail of the previous sentence's quote
  if (CLOSERS.has(last) && last !== '"') {
    const opener = openerOf(last)!;
    if (!points.slice(0, -1).includes(opener)) return points.slice(0, -1).join("");
  }
  if (last in PAIRS && !CLOSERS.has(last)) return points.slice(0, -1).join("");
  return text;
}

/**
 * Who said a quotation, written around it: "雷军表示：“…”", "“…”他说", "\"…,\" the CEO said". The
 * quotation is the claim; the speaker is its claimant (and the kind is read from the whole
 * sentence). Only next to a quotation mark, so an unquoted "X said Y" keeps its speaker.
 */
const SPEECH_VERBS_ZH = "说|表示|称|指出|透露|宣布|写道|强调|回应";
const SPEECH_VERBS_EN = "said|says|told [\\w ]{1,20}|wrote|writes|added|adds|stated|announced";
const SPEAKER_BEFORE_QUOTE = new RegExp(
  `^(?:[^，。！？“”「」『』"：:]{1,20}(?:${SPEECH_VERBS_ZH})[：:，,]\\s*|[^"“”:]{1,60}\\b(?:${SPEECH_VERBS_EN})[:,]\\s*)(?=[“「『"‘])`,
  "u",
);
const SPEAKER_AFTER_QUOTE = new RegExp(
  `(?<=[”」』"’])(?:[，,]?\\s*[^，。！？“”「」『』"]{1,20}(?:${SPEECH_VERBS_ZH})|,?\\s+[^"“”.!?]{1,60}\\b(?:${SPEECH_VERBS_EN}))[。.!！]?$`,
  "u",
);

/** Whether the whole of `text` is one quotation (its first mark closes at its last character). */
function isOneQuotation(text: string): boolean {
  const points = Array.from(text);
  return points.length > 1 && points[0]! in PAIRS && closingIndex(points, 0) === points.length - 1;
}

/** Drops the speaker written before or after a quotation that is the rest of the sentence ("报告指出，“双碳”目标…" keeps its words). */
function withoutSpeaker(text: string): string {
  const before = SPEAKER_BEFORE_QUOTE.exec(text);
  if (before && isOneQuotation(text.slice(before[0].length))) return text.slice(before[0].length);
  const after = SPEAKER_AFTER_QUOTE.exec(text);
  if (after && isOneQuotation(text.slice(0, after.index))) return text.slice(0, after.index);
  return text;
}

/** The speech verb and punctuation at either end of a speaker phrase: "雷军表示：" → "雷军", ", the CEO said." → "the CEO". */
const SPEECH_VERB_AT_END = new RegExp(`\\s*(?:(?:${SPEECH_VERBS_ZH})|\\b(?:${SPEECH_VERBS_EN}))[：:，,。.!！]?\\s*$`, "u");
const PUNCTUATION_AT_START = /^[，,]\s*/u;

/**
 * Who is quoted: the speaker withoutSpeaker drops, without the speech verb. Only a short name
 * (at most 40 characters); anything longer is a clause, not a claimant.
 */
export function speakerOf(sentence: string): string | null {
  const text = sentence.replace(/\s+/gu, " ").trim().replace(LIST_MARKER, "").replace(LEADING_MARKER, "");
  const before = SPEAKER_BEFORE_QUOTE.exec(text);
  let phrase: string | null = null;
  if (before && isOneQuotation(stripTrailing(text.slice(before[0].length)))) phrase = before[0];
  const after = phrase === null ? SPEAKER_AFTER_QUOTE.exec(text) : null;
  if (after && isOneQuotation(text.slice(0, after.index))) phrase = after[0];
  if (phrase === null) return null;
  const speaker = phrase.replace(PUNCTUATION_AT_START, "").replace(SPEECH_VERB_AT_END, "").trim();
  return speaker !== "" && Array.from(speaker).length <= 40 ? speaker : null;
}

/** A sentence's closing punctuation, which follows its quotation ("…芯片。”" has it inside, "…”。" outside). */
function stripTrailing(text: string): string {
  return text.replace(TRAILING_PUNCTUATION, "").replace(TRAILING_STOP, "");
}

/** One pass of every trim; repeated until nothing changes, since they uncover one another. */
function trimOnce(text: string): string {
  let result = text.trim().replace(LIST_MARKER, "").replace(LEADING_MARKER, "");
  result = withoutSpeaker(result);
  result = stripWrapping(result.trim()).trim();
  result = result.replace(TRAILING_PUNCTUATION, "").replace(TRAILING_STOP, "").replace(TRAILING_CONNECTIVE, "");
  return result.trim();
}

function trimAll(text: string): string {
  let current = text.replace(/\s+/gu, " ").trim();
  for (let i = 0; i < 12; i++) {
    const next = trimOnce(current);
    if (next === current || next === "") return next || current;
    current = next;
  }
  return current;
}

/** Where a clause ends: Chinese and English commas, semicolons, colons, dashes. */
const CLAUSE_END = /[，,；;：:、]|\s[—–-]\s|——/gu;
/** A cut clause keeps at least this share of the limit; a shorter first clause says too little. */
const MIN_CLAUSE_SHARE = 0.4;

/** Cuts `text` to at most `max` code points: at the last clause end that fits, else at a word, with "…". */
function cutToLength(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const head = points.slice(0, max + 1).join("");
  let clauseCut = -1;
  for (const match of head.matchAll(CLAUSE_END)) {
    const at = Array.from(head.slice(0, match.index)).length;
    if (at <= max && at >= max * MIN_CLAUSE_SHARE) clauseCut = at;
  }
  if (clauseCut > 0) {
    const clause = trimAll(points.slice(0, clauseCut).join(""));
    if (Array.from(clause).length <= max) return clause;
  }
  // No clause end fits: cut inside the clause and say so with an ellipsis.
  const room = points.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  // Latin words are not cut in half; Chinese can be cut at any character.
  const wordCut = lastSpace >= max * MIN_CLAUSE_SHARE && /[A-Za-z0-9]/.test(points[max - 1] ?? "") ? lastSpace : room.length;
  return `${room.slice(0, wordCut).join("").replace(TRAILING_PUNCTUATION, "").trimEnd()}…`;
}

/**
 * The checkable core of a sentence as a claim's statement: surrounding quotation marks,
 * brackets, list markers, opening discourse markers ("此外，", "However,") and trailing
 * punctuation and connectives dropped; at most `max` code points, cut where a clause ends.
 */
export function cleanStatement(sentence: string, max = STATEMENT_MAX_LENGTH): string {
  return cutToLength(trimAll(sentence), max);
}

/** A statement from quoted words: collapsed white space, cut to the statement limit. */
export function statementFromQuote(quote: string): string {
  const chars = Array.from(quote.replace(/\s+/g, " ").trim());
  return chars.length <= STATEMENT_MAX_LENGTH ? chars.join("") : `${chars.slice(0, STATEMENT_MAX_LENGTH - 1).join("")}…`;
}

/** Plans and predictions; 将近 is "nearly", 将军 a general, 将其 "puts it" (like 把). */
const PREDICTION =
  /计划|(?<!即)将(?![近军领其])|即将|预计|预期|预测|预估|有望|准备|打算|可能|明年|后年|下半年|未来\d*年|\bwill\b|\bwon't\b|\bshall\b|\bplan(?:s|ned|ning)? to\b|\bexpect(?:s|ed)?\b|\bforecasts?\b|\bpredicts?\b|\b(?:is|are) (?:set|likely|poised|due) to\b|\baims? to\b|\bgoing to\b|\bnext (?:year|month|week|quarter)\b|\bby 20\d\d\b/iu;
/** Someone said it: the claim is that they did. 名称 is a name and 称为 "is called", not "says". */
const ATTRIBUTION =
  /表示|声称|宣称|(?<![名简对昵俗统总堪职])称(?![为作号赞呼之职])|(?<![小传学据])说(?![明服])|指出|认为|透露|援引|据[^。！？]{0,20}?报道|据悉|据称|\baccording to\b|\b(?:said|says|say|told|stated|claimed|claims|announced|argued|reported)\b/iu;

/**
 * The kind of claim a sentence makes: "quantity" when it states a figure (a prediction of a
 * figure too: the figure is what gets checked), else "prediction" for a plan or forecast, else
 * "attribution" when it reports what someone said, else "fact".
 */
export function inferClaimKind(sentence: string, hasFigure = extractQuantities(sentence).length > 0): ClaimKind {
  if (hasFigure) return "quantity";
  if (PREDICTION.test(sentence)) return "prediction";
  if (ATTRIBUTION.test(sentence)) return "attribution";
  return "fact";
}

export interface ProposeOptions {
  /** The figure to propose, when the caller knows which one (a selection's own figure); else the sentence's first. */
  quantity?: Quantity | null;
  max?: number;
}

/** The claim a sentence proposes: clean statement, kind and figure. */
export function proposeClaim(sentence: string, options: ProposeOptions = {}): ProposedClaim {
  const quantity = options.quantity === undefined ? (extractQuantities(sentence)[0] ?? null) : options.quantity;
  return {
    statement: cleanStatement(sentence, options.max),
    kind: inferClaimKind(sentence, quantity !== null),
    quantity: quantity ? { value: quantity.value, unit: quantity.unit, qualifier: quantity.qualifier } : null,
    claimant: speakerOf(sentence),
  };
}

const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = { "=": "", ">=": "at least ", "<=": "at most ", "~": "about " };
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 6 });

/** A figure as read, for an editor to check at a glance: "about 27,000,000,000 USD", "at least 20 percent". */
export function describeQuantity(quantity: ProposedQuantity): string {
  return `${QUALIFIER_WORDS[quantity.qualifier]}${NUMBER.format(quantity.value)}${quantity.unit ? ` ${quantity.unit}` : ""}`;
}
