/**
 * Units that may follow a number, in English and Chinese, and the currency signs that may
 * precede one. Each unit has a normalised key: a currency code, "percent", "times", or a counted
 * noun in lower-case English plural ("parameters", "hours", "GPUs").
 */

interface UnitEntry {
  unit: string;
  /** English spellings, matched case-insensitively as whole words. */
  en?: readonly string[];
  /** Chinese spellings, as regular-expression sources (some need a lookahead to stay unambiguous). */
  zh?: readonly string[];
  /** What one of this unit is worth in the normalised unit: 成 (a tenth) is 10 percent. */
  factor?: number;
}

export const CURRENCY_UNITS = new Set(["USD", "EUR", "GBP", "JPY", "HKD", "CNY", "AUD", "CAD", "SGD"]);
/** Units that are not counted things; a bare "5m" is only read as five million before a counted noun. */
const MEASURE_UNITS = new Set([...CURRENCY_UNITS, "percent", "percentage points", "times"]);

const ENTRIES: readonly UnitEntry[] = [
  { unit: "percent", en: ["%", "percent", "per cent", "pct"] },
  // 成 (tenths: 两成受访者) also starts words: 成为, 成本, 成功, 一成不变.
  { unit: "percent", zh: ["成(?![为本功立长果绩员交熟都型就品效形语批套群不变真])"], factor: 10 },
  { unit: "percentage points", en: ["percentage points", "percentage point"], zh: ["个百分点", "百分点"] },
  { unit: "times", en: ["times", "fold"], zh: ["倍"] },
  { unit: "USD", en: ["US dollars", "dollars", "dollar", "USD"], zh: ["美元", "美金"] },
  { unit: "EUR", en: ["euros", "euro", "EUR"], zh: ["欧元"] },
  { unit: "GBP", en: ["pounds sterling", "GBP"], zh: ["英镑"] },
  { unit: "JPY", en: ["yen", "JPY"], zh: ["日元"] },
  { unit: "HKD", en: ["Hong Kong dollars", "HKD"], zh: ["港元", "港币"] },
  { unit: "CNY", en: ["yuan", "renminbi", "RMB", "CNY"], zh: ["人民币", "元", "块钱"] },
  { unit: "parameters", en: ["parameters", "parameter", "params"], zh: ["参数"] },
  { unit: "tokens", en: ["tokens", "token"], zh: ["词元"] },
  { unit: "GPUs", en: ["GPUs", "GPU"], zh: ["显卡"] },
  { unit: "seconds", en: ["seconds", "second"], zh: ["秒钟", "秒"] },
  { unit: "minutes", en: ["minutes", "minute"], zh: ["分钟"] },
  { unit: "hours", en: ["hours", "hour"], zh: ["小时", "钟头"] },
  { unit: "days", en: ["days", "day"], zh: ["天"] },
  { unit: "weeks", en: ["weeks", "week"], zh: ["周(?!年)", "星期"] },
  { unit: "months", en: ["months", "month"], zh: ["个月"] },
  // 年代 is a decade ("90年代"), not a count of years.
  { unit: "years", en: ["years", "year"], zh: ["年(?!代)"] },
  { unit: "monthly active users", en: ["monthly active users"], zh: ["月活跃用户", "月活用户", "月活"] },
  { unit: "daily active users", en: ["daily active users"], zh: ["日活跃用户", "日活用户", "日活"] },
  { unit: "users", en: ["users", "user"], zh: ["用户", "活跃用户"] },
  // 名 counts people on its own ("100名"); 人民币 is money, not people.
  { unit: "people", en: ["people", "persons", "person"], zh: ["人(?!民币)", "名"] },
  { unit: "employees", en: ["employees", "employee", "staff"], zh: ["员工", "雇员"] },
  { unit: "customers", en: ["customers", "customer"], zh: ["客户"] },
  { unit: "subscribers", en: ["subscribers", "subscriber"], zh: ["订阅者"] },
  { unit: "students", en: ["students", "student"], zh: ["学生"] },
  { unit: "companies", en: ["companies", "company", "firms", "firm"], zh: ["公司", "企业"] },
  { unit: "countries", en: ["countries", "country"], zh: ["国家"] },
  { unit: "languages", en: ["languages", "language"], zh: ["语言"] },
  { unit: "chips", en: ["chips", "chip"], zh: ["芯片"] },
  { unit: "servers", en: ["servers", "server"], zh: ["服务器"] },
  { unit: "images", en: ["images"], zh: ["图片", "图像"] },
  { unit: "videos", en: ["videos"], zh: ["视频"] },
  { unit: "words", en: ["words", "word"], zh: ["字"] },
  // 篇 counts written pieces on its own ("200篇").
  { unit: "articles", en: ["articles", "article"], zh: ["文章", "篇"] },
  { unit: "papers", en: ["papers", "paper"], zh: ["论文"] },
  { unit: "cases", en: ["cases"], zh: ["病例"] },
  { unit: "deaths", en: ["deaths"] },
  { unit: "jobs", en: ["jobs"], zh: ["岗位"] },
  { unit: "downloads", en: ["downloads"] },
  { unit: "visitors", en: ["visitors"], zh: ["访客"] },
  { unit: "members", en: ["members"], zh: ["成员", "会员"] },
  { unit: "votes", en: ["votes"] },
  // 辆 and 件 count on their own: 产销958.7万辆, 快递一千三百二十亿件.
  { unit: "vehicles", en: ["vehicles", "vehicle", "cars"], zh: ["辆"] },
  { unit: "items", en: ["items", "parcels"], zh: ["件"] },
];

/** Chinese measure words between a number and its noun: 1750亿个参数, 100名员工, 8块GPU. */
const COUNTERS = "个|名|位|块|张|家|款|台|项|条|部|种|篇";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface CompiledUnit {
  unit: string;
  factor: number;
  pattern: RegExp;
  /** Place in the table: on a tie in length, the earlier unit wins. */
  order: number;
  /** Characters the unit's word can start with (ASCII letters lower-cased), after the optional space, hyphen or counter. */
  firsts: ReadonlySet<string>;
}

/** How unitAt compares characters: ASCII letters case-insensitively, as the patterns' "i" flag does outside Unicode mode. */
function firstKey(char: string | undefined): string | undefined {
  return char !== undefined && char >= "A" && char <= "Z" ? char.toLowerCase() : char;
}

const COMPILED: readonly CompiledUnit[] = ENTRIES.flatMap((entry) => {
  const compiled: Omit<CompiledUnit, "order">[] = [];
  const factor = entry.factor ?? 1;
  if (entry.en) {
    // A hyphen joins too: "a 10-hour shift", "10-fold".
    const words = entry.en.map(escapeRegExp).join("|");
    const firsts = new Set(entry.en.map((word) => firstKey(word[0])!));
    compiled.push({ unit: entry.unit, factor, pattern: new RegExp(`[ -]?(?:${words})(?![A-Za-z])`, "iy"), firsts });
  }
  if (entry.zh) {
    // English nouns are written inside Chinese too ("8块GPU", "1万亿个token").
    const spellings = [...entry.zh, ...(entry.en ?? []).filter((word) => /^[A-Za-z]+$/.test(word)).map((word) => `${word}(?![A-Za-z])`)];
    // Every spelling starts with a literal character, except 近-style lookbehinds, which units do not use.
    const firsts = new Set(spellings.map((spelling) => firstKey(spelling[0])!));
    compiled.push({ unit: entry.unit, factor, pattern: new RegExp(`[ ]?(?:${COUNTERS})?(?:${spellings.join("|")})`, "iy"), firsts });
  }
  return compiled;
}).map((compiled, order) => ({ ...compiled, order }));

const COUNTER_CHARS = new Set(COUNTERS.split("|"));

/**
 * The units whose word could start at one of `keys`, in table order. A number is followed by
 * a handful of possible first characters, so this skips the sixty-odd patterns that cannot
 * match (testing each was a tenth of the time of suggestions over a long article).
 */
const CANDIDATES = new Map<string, readonly CompiledUnit[]>();
for (const compiled of COMPILED) {
  for (const first of compiled.firsts) CANDIDATES.set(first, [...(CANDIDATES.get(first) ?? []), compiled]);
}

/** Where a unit's word may start at `index`: there, after a space or hyphen, and after a counter (个, 名…). */
function wordStarts(text: string, index: number): Set<string> {
  const keys = new Set<string>();
  let at = index;
  const add = (char: string | undefined) => {
    const key = firstKey(char);
    if (key !== undefined) keys.add(key);
  };
  add(text[at]);
  if (text[at] === " " || text[at] === "-") add(text[++at]);
  if (COUNTER_CHARS.has(text[at]!)) add(text[at + 1]);
  return keys;
}

export interface UnitMatch {
  unit: string;
  factor: number;
  /** Code unit index just past the unit. */
  end: number;
}

/** The longest unit written at `index` (after at most one space), or null; on a tie, the first in the table. */
export function unitAt(text: string, index: number): UnitMatch | null {
  const keys = [...wordStarts(text, index)];
  const candidates = keys.length === 1 ? (CANDIDATES.get(keys[0]!) ?? []) : [...new Set(keys.flatMap((key) => CANDIDATES.get(key) ?? []))].sort((a, b) => a.order - b.order);
  let best: UnitMatch | null = null;
  for (const { unit, factor, pattern } of candidates) {
    pattern.lastIndex = index;
    if (pattern.test(text) && (!best || pattern.lastIndex > best.end)) {
      best = { unit, factor, end: pattern.lastIndex };
    }
  }
  return best;
}

export function isCountedNoun(unit: string): boolean {
  return unit !== "" && !MEASURE_UNITS.has(unit) && unit !== "ratio";
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  "US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "S$": "SGD", $: "USD", "€": "EUR", "£": "GBP",
  // ¥ is also the yen sign; Claimline's Chinese sources use it for renminbi.
  "¥": "CNY", RMB: "CNY", CNY: "CNY", USD: "USD", EUR: "EUR", GBP: "GBP", JPY: "JPY", HKD: "HKD", 人民币: "CNY",
};
const CURRENCY_BEFORE = /(?<![A-Za-z])(US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|RMB|CNY|USD|EUR|GBP|JPY|HKD|人民币) ?$/;

/** The currency sign or code written just before `index` ("$", "US$", "RMB "), or null. */
export function currencyBefore(text: string, index: number, floor: number): { unit: string; start: number } | null {
  const windowStart = Math.max(floor, index - 5);
  const match = CURRENCY_BEFORE.exec(text.slice(windowStart, index));
  if (!match) return null;
  return { unit: CURRENCY_SIGNS[match[1]!]!, start: windowStart + match.index };
}
