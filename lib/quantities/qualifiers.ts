import type { Qualifier } from "./types";

interface QualifierWords {
  qualifier: Qualifier;
  en: readonly string[];
  zh: readonly string[];
  symbols: readonly string[];
}

const BEFORE: readonly QualifierWords[] = [
  {
    qualifier: ">=",
    en: ["more than", "over", "at least", "above", "upwards of", "in excess of", "greater than", "exceeding", "no fewer than", "no less than"],
    zh: ["超过", "超出", "高于", "多于", "大于", "至少", "不少于", "不低于", "不下", "逾", "超", "突破了", "突破"],
    symbols: [">=", "≥", ">"],
  },
  {
    qualifier: "<=",
    en: ["less than", "fewer than", "under", "below", "at most", "up to", "no more than", "not more than", "as many as", "as much as"],
    zh: ["不超过", "不高于", "不多于", "不到", "不足", "不满", "少于", "低于", "小于", "至多", "最多", "多达"],
    symbols: ["<=", "≤", "<"],
  },
  {
    qualifier: "~",
    en: ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated", "estimated", "close to", "circa"],
    // 最近 ("recently") and 附近 ("nearby") are not 近 ("nearly").
    zh: ["约为", "大约", "大概", "约", "将近", "接近", "差不多", "(?<![最附靠])近"],
    symbols: ["~", "≈"],
  },
];

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join("|");
}

const BEFORE_PATTERNS = BEFORE.map(({ qualifier, en, zh, symbols }) => ({
  qualifier,
  // End-anchored: among words that end where the number starts, the one starting earliest wins,
  // so "不超过" is read whole rather than as its tail "超过".
  pattern: new RegExp(`(?:(?<![A-Za-z])(?:${alternation(en)}) +|(?:${zh.join("|")}) ?|(?:${alternation(symbols)}) ?)$`, "i"),
}));

/** Window wide enough for the longest qualifier phrase and its space. */
const WINDOW = 16;

/** The qualifier written just before `index` ("more than ", "不到", "<"), not reaching back past `floor`. */
export function qualifierBefore(text: string, index: number, floor: number): { qualifier: Qualifier; start: number } | null {
  const windowStart = Math.max(floor, index - WINDOW);
  const window = text.slice(windowStart, index);
  let best: { qualifier: Qualifier; start: number } | null = null;
  for (const { qualifier, pattern } of BEFORE_PATTERNS) {
    const match = pattern.exec(window);
    if (match && (!best || windowStart + match.index < best.start)) best = { qualifier, start: windowStart + match.index };
  }
  return best;
}

const AFTER: readonly { qualifier: Qualifier; pattern: RegExp }[] = [
  { qualifier: ">=", pattern: /\+|以上|之多|多(?![样种元数少次个位名])|余|(?: or (?:more|above|higher|greater))(?![A-Za-z])/iy },
  { qualifier: "<=", pattern: /以下|以内|之内|(?: or (?:less|fewer|below|lower))(?![A-Za-z])/iy },
  // 上下 also starts words ("上下班"); only read it as "give or take" when no Han follows.
  { qualifier: "~", pattern: /左右|上下(?![\u4e00-\u9fff])/y },
];

/** The qualifier written just after `index` ("+", "以上", "左右", " or more"), or null. */
export function qualifierAfter(text: string, index: number): { qualifier: Qualifier; end: number } | null {
  for (const { qualifier, pattern } of AFTER) {
    pattern.lastIndex = index;
    if (pattern.test(text)) return { qualifier, end: pattern.lastIndex };
  }
  return null;
}
