import type { ClaimKind } from "../lib/claim-rules";
import type { Rng } from "./prng";

/**
 * The words of the synthetic desk: Chinese and English news sentences built from templates, so
 * text, quotes and search terms look like a real desk's (figures, attributions, plans) and a
 * search matches a realistic share of claims rather than all or none.
 */

export type Lang = "zh" | "en";

/** Parallel lists: topic i is the same subject in both languages. */
const TOPICS: Record<Lang, readonly string[]> = {
  zh: ["新能源汽车", "人工智能", "半导体", "房地产", "疫苗接种", "高速铁路", "碳排放", "5G网络", "动力电池", "开源模型", "光伏发电", "跨境电商"],
  en: ["electric vehicles", "artificial intelligence", "semiconductors", "housing", "vaccination", "high-speed rail", "carbon emissions", "5G networks", "batteries", "open-source models", "solar power", "cross-border e-commerce"],
};

/** Tracker searches the bench measures: each matches one topic (in statements, quotes or article titles), about one claim in ten. */
export const SEARCH_TERMS: Record<Lang, string> = { zh: "新能源汽车", en: "electric vehicles" };

const SUBJECTS: Record<Lang, readonly string[]> = {
  zh: ["比亚迪", "华为", "阿里巴巴", "腾讯", "宁德时代", "小米", "国家电网", "上海市", "广东省", "深圳市", "中国移动", "百度"],
  en: ["Tesla", "OpenAI", "Nvidia", "the European Union", "California", "Germany", "Samsung", "Microsoft", "the UK government", "Toyota", "Texas", "Google"],
};

const CLAIMANTS: Record<Lang, readonly string[]> = {
  zh: ["国家统计局", "工信部发言人", "公司首席执行官", "行业协会", "市长", "分析师李明", "央行官员", "研究机构"],
  en: ["the chief executive", "a company spokesperson", "the minister", "an industry group", "the governor", "analyst Jane Wu", "the central bank", "a think tank"],
};

const OUTLETS = ["新华社", "财新", "澎湃新闻", "Reuters", "The Guardian", "Bloomberg", "South China Morning Post", "AP"] as const;

interface QuoteTemplate {
  kind: ClaimKind;
  quote: (s: string, topic: string, n: number, year: number) => string;
  statement: (s: string, topic: string, n: number, year: number) => string;
}

const QUOTES: Record<Lang, readonly QuoteTemplate[]> = {
  zh: [
    { kind: "quantity", quote: (s, t, n, y) => `${s}${t}市场规模将在${y}年达到${n}亿元`, statement: (s, t, n, y) => `${s}${t}市场规模${y}年达${n}亿元` },
    { kind: "quantity", quote: (s, t, n) => `${s}的${t}产量同比增长${n % 90}%`, statement: (s, t, n) => `${s}${t}产量同比增长${n % 90}%` },
    { kind: "prediction", quote: (s, t, n, y) => `${s}计划在${y}年前投资${n}亿美元发展${t}`, statement: (s, t, n, y) => `${s}计划${y}年前投资${n}亿美元于${t}` },
    { kind: "fact", quote: (_s, t, n) => `${t}领域的从业人数已超过${n}万人`, statement: (_s, t, n) => `${t}从业人数超过${n}万` },
    { kind: "attribution", quote: (s, t) => `${s}称其${t}技术处于全球领先地位`, statement: (s, t) => `${s}的${t}技术全球领先` },
    { kind: "opinion", quote: (s, t) => `${s}认为${t}行业的泡沫已经出现`, statement: (s, t) => `${t}行业已出现泡沫（${s}）` },
  ],
  en: [
    { kind: "quantity", quote: (s, t, n, y) => `${s}'s ${t} market will reach $${n} billion by ${y}`, statement: (s, t, n, y) => `${s}'s ${t} market will be worth $${n} billion in ${y}` },
    { kind: "quantity", quote: (s, t, n) => `${t} output at ${s} grew ${n % 90}% year on year`, statement: (s, t, n) => `${s}'s ${t} output grew ${n % 90}% in a year` },
    { kind: "prediction", quote: (s, t, n, y) => `${s} plans to invest $${n} billion in ${t} before ${y}`, statement: (s, t, n, y) => `${s} will invest $${n} billion in ${t} by ${y}` },
    { kind: "fact", quote: (_s, t, n) => `more than ${n},000 people now work in ${t}`, statement: (_s, t, n) => `Over ${n},000 people work in ${t}` },
    { kind: "attribution", quote: (s, t) => `${s} said its ${t} technology leads the world`, statement: (s, t) => `${s} leads the world in ${t}` },
    { kind: "opinion", quote: (s, t) => `${s} believes the ${t} bubble has already formed`, statement: (s, t) => `There is a bubble in ${t}, per ${s}` },
  ],
};

const FILLERS: Record<Lang, readonly ((t: string) => string)[]> = {
  zh: [
    (t) => `过去几年，${t}一直是政策讨论的焦点。`,
    (t) => `业内人士指出，${t}的发展仍面临不少挑战。`,
    () => `记者走访了多家企业和研究机构。`,
    (t) => `围绕${t}的争论在社交媒体上持续发酵📈。`,
    () => `这一数字引发了外界的广泛关注。`,
    (t) => `多位专家对${t}的前景看法不一。`,
  ],
  en: [
    (t) => `For several years, ${t} has been at the centre of the policy debate.`,
    (t) => `People in the industry say ${t} still faces serious challenges.`,
    () => `Reporters spoke to companies and researchers across the sector.`,
    (t) => `The argument over ${t} has spread on social media 📈.`,
    () => `The figure drew wide attention at home and abroad.`,
    (t) => `Experts disagree about where ${t} goes next.`,
  ],
};

/** Each framing puts the quote inside a sentence, with an attribution as a desk would write it. */
const FRAMES: Record<Lang, readonly ((claimant: string, outlet: string) => [string, string])[]> = {
  zh: [(c) => [`${c}表示，`, "。"], (_c, o) => [`据${o}报道，`, "。"], (c) => [`${c}预计，`, "。"], () => ["", "。"]],
  en: [(c) => [`According to ${c}, `, "."], (_c, o) => [`${o} reported that `, "."], (c) => [`${capitalize(c)} said that `, "."], () => ["Officials say ", "."]],
};

export interface ClaimText {
  topic: number;
  kind: ClaimKind;
  quote: string;
  statement: string;
  claimant: string;
  quantity: number | null;
}

export function claimText(rng: Rng, lang: Lang, serial: number, year: number): ClaimText {
  const topic = rng.int(0, TOPICS[lang].length - 1);
  const template = rng.pick(QUOTES[lang]);
  const subject = rng.pick(SUBJECTS[lang]);
  // The serial makes quotes distinct, so each anchors to its own words.
  const n = 10 + ((serial * 7919 + rng.int(0, 999)) % 9000);
  const args = [subject, TOPICS[lang][topic]!, n, year] as const;
  return {
    topic,
    kind: template.kind,
    quote: template.quote(...args),
    statement: capitalize(template.statement(...args)).slice(0, 120),
    claimant: rng.pick(CLAIMANTS[lang]),
    quantity: template.kind === "quantity" ? n * 1e8 : null,
  };
}

/** The text around a quote in the sentence that makes the claim. */
export function frameQuote(rng: Rng, lang: Lang, claimant: string): [string, string] {
  return rng.pick(FRAMES[lang])(claimant, rng.pick(OUTLETS));
}

export function fillerSentence(rng: Rng, lang: Lang, topic: number): string {
  return rng.pick(FILLERS[lang])(TOPICS[lang][topic]!);
}

export function articleTitle(lang: Lang, topic: number, serial: number): string {
  const t = TOPICS[lang][topic]!;
  return lang === "zh" ? `${t}调查（第${serial}期）：数字背后的真相` : `${capitalize(t)} check, part ${serial}: what the numbers say`;
}

export function outletFor(rng: Rng): string {
  return rng.pick(OUTLETS);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
