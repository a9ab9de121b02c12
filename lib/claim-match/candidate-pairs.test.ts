import { describe, expect, it } from "vitest";
import { likelyDuplicatePairs, type MatchItem } from "./candidate-pairs";
import { textFeatures } from "./similarity";

const item = (id: number, ...texts: string[]): MatchItem => ({ id, texts: texts.map(textFeatures) });

/** `length` Han characters that depend on `seed` and hardly repeat between seeds. */
function hanText(seed: number, length: number): string {
  let state = seed + 1;
  return Array.from({ length }, () => {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) ^ Math.imul(state, 0x297a2d39);
    return String.fromCodePoint(0x4e00 + ((state >>> 0) % 20000));
  }).join("");
}

describe("likelyDuplicatePairs", () => {
  it("pairs paraphrases, best first, and leaves unrelated claims alone", () => {
    const items = [
      item(1, "OpenAI 计划发布开源模型"),
      item(2, "GPT-3 拥有1750亿个参数"),
      item(3, "OpenAI will release an open-source model"),
      item(4, "OpenAI 正计划向公众发布第一个开源语言模型"),
      item(5, "OpenAI plans to release its first open-source language model"),
      item(6, "GPT-3 has 175 billion parameters", "GPT-3 拥有1750亿个参数"),
    ];
    const pairs = likelyDuplicatePairs(items, { minScore: 0.3, limit: 10 });
    expect(pairs.map((p) => [p.firstId, p.secondId])).toEqual([
      [2, 6],
      [3, 5],
      [1, 4],
    ]);
    expect(pairs[0]!.score).toBe(1);
    expect(pairs.every((p, i) => i === 0 || pairs[i - 1]!.score >= p.score)).toBe(true);
  });

  it("applies the limit and the minimum score", () => {
    const items = [item(1, "OpenAI 计划发布开源模型"), item(2, "OpenAI 计划发布开源模型"), item(3, "OpenAI 正计划向公众发布第一个开源语言模型")];
    expect(likelyDuplicatePairs(items, { minScore: 0.3, limit: 1 })).toEqual([{ firstId: 1, secondId: 2, score: 1 }]);
    expect(likelyDuplicatePairs(items, { minScore: 0.99, limit: 10 })).toHaveLength(1);
  });

  it("still finds a pair among many claims that share a common name", () => {
    // 300 claims about OpenAI, each otherwise made of its own characters.
    const items = Array.from({ length: 300 }, (_, i) => item(i + 1, `OpenAI ${hanText(i, 8)}`));
    items.push(item(1001, "OpenAI 计划发布开源模型"), item(1002, "OpenAI 正计划向公众发布第一个开源语言模型"));
    expect(likelyDuplicatePairs(items, { minScore: 0.3, limit: 10 })).toEqual([{ firstId: 1001, secondId: 1002, score: expect.closeTo(0.41, 2) }]);
  });

  it("pairs 10,000 claims in well under two seconds of CPU", () => {
    // Worst case for the pairing: every claim made of the same few words, so each has its full share of candidates.
    const subjects = ["OpenAI", "微软", "Google", "百度", "Anthropic", "字节跳动", "Meta", "阿里巴巴"];
    const verbs = ["计划发布", "will release", "估值约为", "is valued at", "拥有", "has", "宣布推出", "announced"];
    const objects = ["开源模型", "an open-source model", "亿美元", "billion dollars", "个参数", "parameters", "新的搜索功能", "a search feature"];
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const text = `${subjects[i % 8]} ${verbs[(i >> 3) % 8]} ${i % 997} ${objects[(i >> 6) % 8]} 第${i}条`;
      return item(i + 1, text, `据报道，${text}。`);
    });
    // CPU time, not wall time: other processes on the machine must not fail this test.
    const started = process.cpuUsage();
    const pairs = likelyDuplicatePairs(items, { minScore: 0.3, limit: 50 });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    expect(pairs).toHaveLength(50);
    // Building 20,000 texts' features, and a busy machine, take wall time this test does not judge.
  }, 30_000);
});
