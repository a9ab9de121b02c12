import { describe, expect, it } from "vitest";
import { detectLanguage, languageFromDeclared } from "./detect-language";

describe("detectLanguage", () => {
  it("recognises simplified Chinese, even with English names in it", () => {
    expect(detectLanguage("这是一篇关于人工智能开源模型的新闻报道，我们会核查其中的说法。")).toBe("zh-Hans");
    expect(
      detectLanguage("据路透社报道，微软公司（Microsoft）首席执行官萨蒂亚·纳德拉（Satya Nadella）周二表示，公司将与 OpenAI 扩大合作。"),
    ).toBe("zh-Hans");
  });

  it("recognises traditional Chinese by its traditional-only characters", () => {
    expect(detectLanguage("據路透社報導，這家公司說他們會在明年發表新的模型，國內市場為此感到興奮。")).toBe("zh-Hant");
  });

  it("keeps simplified text that quotes a few traditional characters as zh-Hans", () => {
    expect(detectLanguage("这篇报道引用了台湾媒体的标题《這是新時代》，但正文都是简体中文，我们说明一下。")).toBe("zh-Hans");
  });

  it("recognises English and other common languages as ISO 639-1 codes", () => {
    expect(detectLanguage("The company said on Tuesday that it would release the model weights next year.")).toBe("en");
    expect(detectLanguage("Le gouvernement a annoncé hier soir une nouvelle réforme des retraites.")).toBe("fr");
    expect(detectLanguage("El gobierno anunció ayer una nueva reforma de las pensiones para el país.")).toBe("es");
    expect(detectLanguage("Die Regierung hat gestern eine neue Rentenreform für das ganze Land angekündigt.")).toBe("de");
    expect(detectLanguage("Сегодня правительство объявило о новой пенсионной реформе в стране.")).toBe("ru");
    expect(detectLanguage("今日は良い天気ですね。明日も晴れるでしょう。")).toBe("ja");
    expect(detectLanguage("오늘은 날씨가 좋습니다.")).toBe("ko");
  });

  it("falls back on the share of Han characters for short or unclear text", () => {
    expect(detectLanguage("中文")).toBe("zh-Hans");
    expect(detectLanguage("OpenAI 发布新模型")).toBe("zh-Hans");
    expect(detectLanguage("OpenAI GPT 发布")).toBe("en");
    expect(detectLanguage("Hello world")).toBe("en");
    expect(detectLanguage("")).toBe("en");
    expect(detectLanguage("12345 !!!")).toBe("en");
  });
});

describe("languageFromDeclared", () => {
  it("tells Chinese apart by script rather than region", () => {
    expect(languageFromDeclared("zh-CN", "")).toBe("zh-Hans");
    expect(languageFromDeclared("zh-TW", "")).toBe("zh-Hant");
    expect(languageFromDeclared("zh-hant-hk", "")).toBe("zh-Hant");
    expect(languageFromDeclared("zh", "據報導，這是我們國家的新政策。")).toBe("zh-Hant");
  });

  it("canonicalises other declarations and refuses malformed ones", () => {
    expect(languageFromDeclared("en-us", "Some English text about the economy.")).toBe("en-US");
    expect(languageFromDeclared("not a tag!", "x")).toBeNull();
    expect(languageFromDeclared("  ", "x")).toBeNull();
    expect(languageFromDeclared(null, "x")).toBeNull();
  });

  it("lets clearly Chinese text overrule a template's default lang=en", () => {
    expect(languageFromDeclared("en", "这是一篇关于人工智能开源模型的新闻报道。")).toBe("zh-Hans");
  });
});
