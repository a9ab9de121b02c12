import { describe, expect, it } from "vitest";
import { linkHref } from "./link-href";

describe("linkHref", () => {
  it("percent-encodes quotes, angle brackets, spaces and non-ASCII, and writes the host in punycode", () => {
    const href = linkHref(`https://新闻.example/报道 2025/?q="OpenAI" <估值>&x=1#引用 "a"`)!;
    expect(href).toBe("https://xn--efvy88h.example/%E6%8A%A5%E9%81%93%202025/?q=%22OpenAI%22%20%3C%E4%BC%B0%E5%80%BC%3E&x=1#%E5%BC%95%E7%94%A8%20%22a%22");
    expect(href).not.toMatch(/["<> \u0080-\uFFFF]/);
    // The same address: a second pass changes nothing, and a decoded query reads as typed.
    expect(linkHref(href)).toBe(href);
    expect(new URL(href).searchParams.get("q")).toBe('"OpenAI" <估值>');
  });

  it("leaves an ordinary URL as it is, apart from the root path's slash", () => {
    expect(linkHref("https://openai.com/index/introducing-gpt-oss/")).toBe("https://openai.com/index/introducing-gpt-oss/");
    expect(linkHref("  http://127.0.0.1:3000?a=b  ")).toBe("http://127.0.0.1:3000/?a=b");
  });

  it("is null for anything that is not an absolute http(s) URL", () => {
    for (const url of [null, undefined, "", "javascript:alert(1)", "data:text/html,<b>", "mailto:desk@example.org", "/relative/path", "not a url"]) {
      expect(linkHref(url), String(url)).toBeNull();
    }
  });
});
