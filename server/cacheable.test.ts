import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { trackerQuery } from "@/lib/tracker-query";
import { keepableResponse, pageCacheKey, readerParams } from "./cacheable.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

describe("which requests the page cache answers", () => {
  it("keys anonymous document requests for reader pages by path and query", () => {
    for (const url of ["/", "/?q=%E6%96%B0&status=false", "/trends?kind=prediction", "/articles", "/articles/openai-2023", "/articles/openai-2023/report?asof=2024-01-01", "/claims/42"]) {
      expect(pageCacheKey(request(url))).toBe(url);
    }
    expect(pageCacheKey(request("/claims/42", {}, "HEAD"))).toBe("/claims/42");
  });

  it("keeps only the parameters a page reads, sorted, so junk query strings are the same page", () => {
    expect(pageCacheKey(request("/claims/42?utm_source=x&_=123"))).toBe("/claims/42");
    expect(pageCacheKey(request("/?status=false&junk=1&q=tax&lang=en"))).toBe("/?lang=en&q=tax&status=false");
    expect(pageCacheKey(request("/?status=true&status=false"))).toBe("/?status=true&status=false");
    expect(pageCacheKey(request("/articles?q=tax"))).toBe("/articles");
    expect(pageCacheKey(request("/articles/x?asof=2024-01-01&page=2"))).toBe("/articles/x?asof=2024-01-01");
  });

  it("lists every filter the tracker reads (a new one must be kept in the key)", () => {
    expect([...readerParams("/")].sort()).toEqual(["lang", ...Object.keys(trackerQuery.shape)].sort());
    expect(readerParams("/trends")).toEqual(readerParams("/"));
  });

  it("keeps the two meanings of a day apart: as of it, and as published on it, are two pages", () => {
    const keys = ["/claims/42?asof=2024-01-01", "/claims/42?published=2024-01-01", "/claims/42"].map((url) => pageCacheKey(request(url)));
    expect(new Set(keys).size).toBe(3);
    // The as-of form's own submission is answered with a redirect, which the cache never keeps.
    expect(keepableResponse(307, { "content-type": "text/html", "content-security-policy": "script-src 'nonce-abc'" })).toBeNull();
  });

  it("leaves editor pages, sign-in, APIs, feeds, exports and writes to Next", () => {
    for (const url of ["/editor", "/editor/claims/1", "/editor/articles/1/preview", "/editor/articles/1/preview?asof=2024-01-01", "/sign-in", "/setup", "/api/v1/claims/1", "/feeds/desk.atom", "/feeds/desk.atom?published=2024-01-01", "/feeds/claims/1?asof=2024-01-01", "/feeds/articles/x?published=2024-01-01", "/articles/x/report.pdf", "/articles/x/y/z", "/bench/static.txt"]) {
      expect(pageCacheKey(request(url)), url).toBeNull();
    }
    expect(pageCacheKey(request("/", {}, "POST"))).toBeNull();
  });

  it("keeps each language's page apart, and lets a Chinese-preferring visitor of an unmarked URL reach the redirect", () => {
    expect(pageCacheKey(request("/articles/x?lang=zh-Hans"))).toBe("/articles/x?lang=zh-Hans");
    expect(pageCacheKey(request("/articles/x?lang=zh-Hans", { "accept-language": "en" }))).toBe("/articles/x?lang=zh-Hans");
    expect(pageCacheKey(request("/articles/x", { "accept-language": "zh-CN,zh;q=0.9" }))).toBeNull();
    expect(pageCacheKey(request("/articles/x", { cookie: "claimline-lang=zh-Hans" }))).toBeNull();
    expect(pageCacheKey(request("/articles/x", { "accept-language": "zh-CN", cookie: "claimline-lang=en" }))).toBe("/articles/x");
  });

  it("never answers a signed-in editor (the header shows who is signed in), even with an expired cookie", () => {
    expect(pageCacheKey(request("/", { cookie: "theme=dark; better-auth.session_token=abc.def" }))).toBeNull();
    expect(pageCacheKey(request("/", { cookie: "__Secure-better-auth.session_token=abc" }))).toBeNull();
    expect(pageCacheKey(request("/", { cookie: "theme=dark" }))).toBe("/");
  });

  it("leaves Next's client-side navigation and server action requests to Next", () => {
    expect(pageCacheKey(request("/claims/1", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(request("/claims/1?_rsc=abc"))).toBeNull();
    expect(pageCacheKey(request("/claims/1", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(request("/", { "next-action": "7f00" }))).toBeNull();
  });
});

describe("which responses the page cache keeps", () => {
  const page = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "script-src 'self' 'nonce-Tk9OQ0U=' 'strict-dynamic'",
    "x-frame-options": "DENY",
    vary: "rsc, Accept-Encoding",
    date: "Sun, 29 Nov 2026 05:00:00 GMT",
    "content-length": "120",
    "x-claimline-cache": "miss",
  };

  it("keeps a whole HTML page with its policy and nonce, without the headers the stored page gets anew", () => {
    expect(keepableResponse(200, page)).toEqual({
      nonce: "Tk9OQ0U=",
      policy: page["content-security-policy"],
      headers: { "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY", vary: "rsc, Accept-Encoding" },
    });
  });

  it("keeps no error page, redirect, cookie-setting, compressed, non-HTML or nonce-less response", () => {
    expect(keepableResponse(404, page)).toBeNull();
    expect(keepableResponse(307, page)).toBeNull();
    expect(keepableResponse(200, { ...page, "set-cookie": ["a=b"] })).toBeNull();
    expect(keepableResponse(200, { ...page, "content-encoding": "gzip" })).toBeNull();
    expect(keepableResponse(200, { ...page, "content-type": "application/json" })).toBeNull();
    expect(keepableResponse(200, { ...page, "content-security-policy": "script-src 'self'" })).toBeNull();
  });
});
