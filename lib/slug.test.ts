import { describe, expect, it } from "vitest";
import { NEW_SLUG_PATTERN, SLUG_MAX_LENGTH, slugify } from "./slug";

// Word boundaries come from the ICU dictionary in Node; the words here are ones it knows.
const CASES: [title: string, slug: string][] = [
  // English as before: accents dropped, everything else a hyphen.
  ["OpenAI plans an open model", "openai-plans-an-open-model"],
  ["Café au lait: GPT-5's launch", "cafe-au-lait-gpt-5-s-launch"],
  // Chinese: a word's syllables joined, words hyphenated, no tone marks.
  ["长沙", "changsha"],
  ["发布模型", "fabu-moxing"],
  // Polyphones read in context: 行 is hang in 银行 and 行长, 重 is chong in 重庆 and zhong in 重要.
  ["重庆银行行长", "chongqing-yinhang-hangzhang"],
  ["重要的选择", "zhongyao-de-xuanze"],
  // Mixed Chinese and English; full-width letters and digits become ASCII.
  ["OpenAI 发布开放权重模型", "openai-fabu-kaifang-quan-zhong-moxing"],
  ["２０２４年ＧＰＴ模型", "2024-nian-gpt-moxing"],
  // ü written as v, as pinyin keyboards do; characters pinyin-pro has no reading for are dropped.
  ["女 𠀀 驴", "nv-lv"],
  // Emoji and all-punctuation titles leave nothing: "article", never an empty slug.
  ["👍🏽🎉", "article"],
  ["！？…——“”", "article"],
  ["???", "article"],
  ["长沙 👍 news", "changsha-news"],
];

describe("slugify", () => {
  it.each(CASES)("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts a long Chinese title at a word, within 60 characters", () => {
    const slug = slugify("OpenAI 发布开放权重模型：开源社区的新选择，长沙银行行长表示人工智能将改变世界");
    expect(slug).toBe("openai-fabu-kaifang-quan-zhong-moxing-kai-yuan-shequ-de-xin");
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });

  it("cuts a long English title at a word, and a single overlong word at the limit", () => {
    expect(slugify("Supercalifragilistic ".repeat(5))).toBe("supercalifragilistic-supercalifragilistic");
    expect(slugify("a".repeat(100))).toBe("a".repeat(60));
    expect(slugify("word ".repeat(30), 20)).toBe("word-word-word-word");
  });

  it("gives only slugs an editor could type", () => {
    for (const [title] of CASES) expect(slugify(title)).toMatch(NEW_SLUG_PATTERN);
    expect(NEW_SLUG_PATTERN.test("长沙")).toBe(false);
  });
});
