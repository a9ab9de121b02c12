import { describe, expect, it } from "vitest";
import { MAX_SUBSTRINGS, MAX_TRIGRAMS, searchTerms } from "./search-terms";

describe("searchTerms", () => {
  it("gives the trigrams of each word and CJK run, never across a separator", () => {
    expect(searchTerms("OpenAI 开源模型").trigrams).toEqual(["ope", "pen", "ena", "nai", "开源模", "源模型"]);
  });

  it("gives CJK bigrams and longer words for the substring scan", () => {
    expect(searchTerms("OpenAI 计划发布开源模型").substrings).toEqual(["openai", "计划", "划发", "发布", "布开", "开源", "源模", "模型"]);
    expect(searchTerms("GPT-3 拥有1750亿个参数").substrings).toEqual(["gpt", "拥有", "1750", "亿个", "个参", "参数"]);
  });

  it("leaves out English function words", () => {
    expect(searchTerms("the model will be").substrings).toEqual(["model"]);
  });

  it("leaves FTS5 syntax and punctuation out of the trigrams", () => {
    expect(searchTerms('OR NEAR( "quote" * col:umn').trigrams).toEqual(["nea", "ear", "quo", "uot", "ote", "col", "umn"]);
  });

  it("has no trigrams for text shorter than a trigram, and scans its pieces instead", () => {
    expect(searchTerms("开源")).toEqual({ trigrams: [], substrings: ["开源"] });
    expect(searchTerms("AI")).toEqual({ trigrams: [], substrings: ["ai"] });
    expect(searchTerms("  ，。 ")).toEqual({ trigrams: [], substrings: [] });
  });

  it("caps the terms of a long text, sampling the whole of it", () => {
    const long = "计划发布开源模型".repeat(3) + Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const terms = searchTerms(long);
    expect(terms.trigrams).toHaveLength(MAX_TRIGRAMS);
    expect(terms.substrings).toHaveLength(MAX_SUBSTRINGS);
    expect(terms.substrings[0]).toBe("计划");
    expect(terms.substrings.at(-1)).toBe("word199");
  });
});
