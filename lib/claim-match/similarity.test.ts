import { describe, expect, it } from "vitest";
import { splitIntoRuns } from "../highlight";
import { claimSimilarity, matchingSpans } from "./similarity";

/** The words of `candidate` that matchingSpans marks. */
function marked(query: string, candidate: string): string[] {
  const points = Array.from(candidate);
  return matchingSpans(query, candidate).map((s) => points.slice(s.start, s.end).join(""));
}

describe("claimSimilarity", () => {
  it("is 1 for the same claim, whatever its width, case, spacing or punctuation", () => {
    expect(claimSimilarity("OpenAI 计划发布开源模型", "OpenAI 计划发布开源模型")).toBe(1);
    expect(claimSimilarity("ＯｐｅｎＡＩ计划，发布开源模型。", "openai 计划发布 开源模型")).toBe(1);
    expect(claimSimilarity("OpenAI will release an open-source model.", "openai will release an open source model")).toBe(1);
    expect(claimSimilarity("Café", "cafe")).toBe(1);
  });

  it("is 0 when either text has nothing to compare", () => {
    expect(claimSimilarity("", "OpenAI")).toBe(0);
    expect(claimSimilarity("。！", "OpenAI")).toBe(0);
    expect(claimSimilarity("the", "the")).toBe(0);
  });

  it("scores a Chinese paraphrase clearly above unrelated claims, even one about the same company", () => {
    const claim = "OpenAI 计划发布开源模型";
    const paraphrase = claimSimilarity(claim, "OpenAI 正计划向公众发布第一个开源语言模型");
    expect(paraphrase).toBeGreaterThan(0.35);
    expect(claimSimilarity(claim, "GPT-3 拥有1750亿个参数")).toBe(0);
    expect(claimSimilarity(claim, "据报道，OpenAI 目前估值约为270亿美元。")).toBeLessThan(0.2);
    expect(paraphrase).toBeGreaterThan(2 * claimSimilarity(claim, "据报道，OpenAI 目前估值约为270亿美元。"));
  });

  it("finds a Chinese paraphrase that shares only two-character words", () => {
    const paraphrase = claimSimilarity("计划发布开源模型", "正计划向公众发布第一个开源语言模型");
    expect(paraphrase).toBeGreaterThan(0.25);
    expect(claimSimilarity("计划发布开源模型", "谷歌发布了新的搜索功能")).toBeLessThan(0.15);
    expect(claimSimilarity("计划发布开源模型", "微软是其最大的投资方")).toBe(0);
  });

  it("scores an English paraphrase clearly above unrelated claims", () => {
    const claim = "OpenAI will release an open-source model";
    expect(claimSimilarity(claim, "OpenAI plans to release its first open-source language model")).toBeGreaterThan(0.7);
    expect(claimSimilarity(claim, "OpenAI is valued at $27 billion")).toBeLessThan(0.3);
    expect(claimSimilarity(claim, "GPT-3 has 175 billion parameters")).toBe(0);
    expect(claimSimilarity("OpenAI released the model", "OpenAI releases a model")).toBeGreaterThan(0.6);
  });

  it("compares mixed Chinese and English text", () => {
    expect(claimSimilarity("OpenAI 估值 $27 billion", "OpenAI is valued at $27 billion")).toBeGreaterThan(0.7);
    expect(claimSimilarity("OpenAI will release an open-source model", "OpenAI 计划发布 open-source 模型")).toBeGreaterThan(0.5);
    expect(claimSimilarity("该模型将是 InstructGPT", "The model would be InstructGPT")).toBeGreaterThan(0.35);
    // "InstructGPT" and "GPT" share a trigram: a trace, far below a match.
    expect(claimSimilarity("该模型将是 InstructGPT", "GPT-3 拥有1750亿个参数")).toBeLessThan(0.1);
  });

  it("treats numbers as whole figures", () => {
    expect(claimSimilarity("1750", "175")).toBe(0);
    expect(claimSimilarity("GPT-3 拥有1750亿个参数", "GPT-4 拥有1750亿个参数")).toBeLessThan(claimSimilarity("GPT-3 拥有1750亿个参数", "GPT-3 拥有1750亿个参数"));
  });

  it("is symmetric", () => {
    const a = "OpenAI 计划发布开源模型";
    const b = "OpenAI plans to release 开源模型";
    expect(claimSimilarity(a, b)).toBe(claimSimilarity(b, a));
  });
});

describe("matchingSpans", () => {
  it("marks the shared Chinese words and names of the candidate", () => {
    expect(marked("OpenAI 计划发布开源模型", "OpenAI 正计划向公众发布第一个开源语言模型")).toEqual(["OpenAI", "计划", "发布", "开源", "模型"]);
  });

  it("marks whole English words, joining neighbours across spaces and hyphens", () => {
    expect(marked("OpenAI will release an open-source model", "OpenAI plans to release its first open-source language model")).toEqual(["OpenAI", "release", "open-source", "model"]);
    expect(marked("OpenAI released it", "OpenAI releases")).toEqual(["OpenAI releases"]);
  });

  it("marks nothing in an unrelated claim", () => {
    expect(matchingSpans("OpenAI 计划发布开源模型", "GPT-3 拥有1750亿个参数")).toEqual([]);
  });

  it("counts code points, so astral characters before a match do not shift it", () => {
    const candidate = "😀𠀀 OpenAI 发布模型";
    const spans = matchingSpans("OpenAI 发布", candidate);
    expect(spans).toEqual([{ start: 3, end: 12 }]);
    const runs = splitIntoRuns(candidate, spans.map((s, id) => ({ id, ...s })));
    expect(runs.filter((r) => r.ids.length > 0).map((r) => r.text)).toEqual(["OpenAI 发布"]);
  });

  it("points into the original text when normalisation changes its width", () => {
    expect(marked("openai", "ＯｐｅｎＡＩ 的模型")).toEqual(["ＯｐｅｎＡＩ"]);
    expect(marked("open-source", "ﬁne open source")).toEqual(["open source"]);
  });
});
