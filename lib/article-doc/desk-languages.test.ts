import { describe, expect, it } from "vitest";
import { deskLanguages, languageLabel } from "./desk-languages";

describe("deskLanguages", () => {
  it("offers zh-Hans, zh-Hant and en first, then the desk's other languages once each", () => {
    expect(deskLanguages(["en", "ja", "zh-hans", "fr", "ja", null, "", "not a tag!"])).toEqual(["zh-Hans", "zh-Hant", "en", "fr", "ja"]);
  });

  it("offers the primary three on an empty desk", () => {
    expect(deskLanguages([])).toEqual(["zh-Hans", "zh-Hant", "en"]);
  });
});

describe("languageLabel", () => {
  it("names a tag in English and keeps the tag", () => {
    expect(languageLabel("zh-Hans")).toMatch(/Chinese.*\(zh-Hans\)$/);
    expect(languageLabel("en")).toBe("English (en)");
  });
});
