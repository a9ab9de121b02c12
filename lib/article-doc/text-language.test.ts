import { describe, expect, it } from "vitest";
import { blockLanguage, canonicalLanguage, detectTextLanguage, langOf, languageToStore } from "./text-language";

describe("detectTextLanguage", () => {
  it("tells a short Chinese statement or quote from an English one", () => {
    expect(detectTextLanguage("小米汽车销量超过十万辆")).toBe("zh-Hans");
    expect(detectTextLanguage("270亿美元")).toBe("zh-Hans");
    expect(detectTextLanguage("OpenAI will release the model next year")).toBe("en");
  });

  it("gives words without letters the language around them, and nothing without one", () => {
    expect(detectTextLanguage("2023", "zh-Hans")).toBe("zh-Hans");
    expect(detectTextLanguage("  ", "zh-Hans")).toBeNull();
    expect(detectTextLanguage("¥270")).toBeNull();
  });

  it("keeps a short Latin quote in a Chinese article English, but French in a French one", () => {
    expect(detectTextLanguage("Satya Nadella", "zh-Hans")).toBe("en");
    expect(detectTextLanguage("Le PIB a augmenté", "fr")).toBe("fr");
  });
});

describe("languageToStore", () => {
  it("stores the editor's choice, canonicalised, over the detected language", () => {
    expect(languageToStore("GPT-5 发布", "zh-hans")).toBe("zh-Hans");
    expect(languageToStore("小米汽车销量", "en")).toBe("en");
  });

  it("detects when the choice is missing or malformed, and stores nothing without text", () => {
    expect(languageToStore("小米汽车销量", "not a tag!")).toBe("zh-Hans");
    expect(languageToStore("", "en")).toBeNull();
    expect(languageToStore(null)).toBeNull();
  });

  it("canonicalises tags", () => {
    expect(canonicalLanguage("ZH-hant")).toBe("zh-Hant");
    expect(canonicalLanguage("")).toBeNull();
  });
});

describe("langOf", () => {
  it("prefers the stored language and detects a row written before it was stored", () => {
    expect(langOf("小米汽车销量", "en")).toBe("en");
    expect(langOf("小米汽车销量", null)).toBe("zh-Hans");
    expect(langOf("", null)).toBeUndefined();
  });
});

describe("blockLanguage", () => {
  it("marks a paragraph whose script contradicts its article's, and leaves the others to the article", () => {
    expect(blockLanguage("Its founder told reporters in English that the factory runs on solar power.", "zh-Hans")).toBe("en");
    expect(blockLanguage("星海电池公司表示，其新工厂每年生产八十万块电池。", "zh-Hans")).toBeUndefined();
    expect(blockLanguage("星海电池公司表示，其新工厂每年生产八十万块电池。", "en")).toBe("zh-Hans");
    expect(blockLanguage("GPT-4 o1", "zh-Hans")).toBeUndefined();
    expect(blockLanguage("OpenAI said the model would be released next year.", "en")).toBeUndefined();
  });
});

describe("short English headlines", () => {
  it("stay English where trigrams alone would guess another language, while accented text keeps its language", () => {
    expect(detectTextLanguage("Microsoft extends its partnership with OpenAI")).toBe("en");
    expect(detectTextLanguage("Le PIB a augmenté de deux pour cent cette année")).toBe("fr");
    expect(detectTextLanguage("Die Regierung kündigte neue Maßnahmen an")).toBe("de");
  });
});
