import { afterEach, describe, expect, it } from "vitest";
import { isSiteOrigin, requestedOrigin, siteUrl } from "./site-url";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("this site's origin", () => {
  it("is the configured public URL, else BETTER_AUTH_URL, else the local server", () => {
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.BETTER_AUTH_URL;
    process.env.PORT = "3900";
    expect(siteUrl()).toBe("http://localhost:3900");
    process.env.BETTER_AUTH_URL = "http://127.0.0.1:3900/";
    expect(siteUrl()).toBe("http://127.0.0.1:3900");
    process.env.PUBLIC_BASE_URL = "https://factcheck.example.org";
    expect(siteUrl()).toBe("https://factcheck.example.org");
    process.env.PUBLIC_BASE_URL = "ftp://nope";
    expect(() => siteUrl()).toThrow(/PUBLIC_BASE_URL/);
  });

  it("accepts the configured origin, and the host the request was addressed to, from any deployment", () => {
    process.env.BETTER_AUTH_URL = "http://127.0.0.1:3900";
    delete process.env.PUBLIC_BASE_URL;
    // The configured origin, whatever Host the server saw.
    expect(isSiteOrigin("http://127.0.0.1:3900", headers({ host: "localhost:3900" }))).toBe(true);
    // The same deployment reached by another of its names.
    expect(isSiteOrigin("http://localhost:3900", headers({ host: "localhost:3900" }))).toBe(true);
    // Behind a trusted proxy (the server drops X-Forwarded-Host from anyone else).
    const proxied = headers({ host: "127.0.0.1:3900", "x-forwarded-host": "claimline.test:8080", "x-forwarded-proto": "http" });
    expect(requestedOrigin(proxied)).toBe("http://claimline.test:8080");
    expect(isSiteOrigin("http://claimline.test:8080", proxied)).toBe(true);
  });

  it("refuses any other site, and malformed origins", () => {
    process.env.BETTER_AUTH_URL = "https://factcheck.example.org";
    const ours = headers({ host: "factcheck.example.org" });
    expect(isSiteOrigin("https://evil.test", ours)).toBe(false);
    expect(isSiteOrigin("https://factcheck.example.org.evil.test", ours)).toBe(false);
    expect(isSiteOrigin("null", ours)).toBe(false);
    expect(isSiteOrigin("http://127.0.0.1:3900", ours)).toBe(false);
    expect(isSiteOrigin("https://evil.test", headers({}))).toBe(false);
  });
});
