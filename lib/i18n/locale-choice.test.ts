import { describe, expect, it } from "vitest";
import { chosenLocale, negotiateLocale, parseLocale, preferredLocale } from "./locale-choice.mjs";
import { withLocale } from "./locale-href";
import { pageLanguage } from "./page-language";

describe("the visitor's language", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["zh-TW", "zh-Hans"],
    ["zh-Hant-HK, en;q=0.5", "zh-Hans"],
    ["en-US,en;q=0.9", "en"],
    ["en;q=0.1, zh;q=0.9", "zh-Hans"],
    ["fr-FR, de;q=0.8", "en"],
    ["*", "en"],
    ["", "en"],
    ["!!not a tag", "en"],
  ])("Accept-Language %j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("an explicit choice (the switch's cookie) wins over the browser's languages", () => {
    expect(preferredLocale("theme=dark; claimline-lang=en", "zh-CN")).toBe("en");
    expect(preferredLocale("claimline-lang=zh-Hans", "en-US")).toBe("zh-Hans");
    expect(preferredLocale("claimline-lang=klingon", "zh-CN")).toBe("zh-Hans");
    expect(chosenLocale(undefined)).toBeNull();
  });

  it("accepts only the interface's languages as a parameter", () => {
    expect(parseLocale("zh-hans")).toBe("zh-Hans");
    expect(parseLocale("zh")).toBeNull();
    expect(parseLocale("en")).toBe("en");
  });
});

describe("a page's language", () => {
  const request = (url: string, extra: { method?: string; cookie?: string; acceptLanguage?: string } = {}) =>
    pageLanguage({ method: extra.method ?? "GET", searchParams: new URL(url, "http://x").searchParams, cookie: extra.cookie ?? null, acceptLanguage: extra.acceptLanguage ?? null });

  it("is the URL's when it names one, whatever the visitor prefers", () => {
    expect(request("/?lang=zh-Hans", { acceptLanguage: "en" })).toEqual({ kind: "serve", locale: "zh-Hans" });
    expect(request("/?lang=en", { acceptLanguage: "zh-CN" })).toEqual({ kind: "serve", locale: "en" });
  });

  it("sends a Chinese-preferring visitor of a URL without `lang` to the Chinese URL", () => {
    expect(request("/articles", { acceptLanguage: "zh-CN" })).toEqual({ kind: "redirect", locale: "zh-Hans" });
    expect(request("/articles", { cookie: "claimline-lang=zh-Hans" })).toEqual({ kind: "redirect", locale: "zh-Hans" });
    expect(request("/articles", { acceptLanguage: "zh-CN", cookie: "claimline-lang=en" })).toEqual({ kind: "serve", locale: "en" });
    expect(request("/articles")).toEqual({ kind: "serve", locale: "en" });
  });

  it("answers a form post in the preferred language without redirecting it", () => {
    expect(request("/editor", { method: "POST", acceptLanguage: "zh-CN" })).toEqual({ kind: "serve", locale: "zh-Hans" });
  });
});

describe("internal links keep the page's language", () => {
  it.each([
    ["/articles", "zh-Hans", "/articles?lang=zh-Hans"],
    ["/claims/3?asof=2024-01-01#timeline", "zh-Hans", "/claims/3?asof=2024-01-01&lang=zh-Hans#timeline"],
    ["/articles?lang=en", "zh-Hans", "/articles?lang=en"],
    ["/articles", "en", "/articles"],
    ["https://example.org/a", "zh-Hans", "https://example.org/a"],
    ["//example.org/a", "zh-Hans", "//example.org/a"],
    ["#main", "zh-Hans", "#main"],
  ] as const)("%s in %s → %s", (href, locale, expected) => {
    expect(withLocale(href, locale)).toBe(expected);
  });
});
