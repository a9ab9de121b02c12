import { describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache.mjs";

function setup(maxBytes = 1000) {
  let generation = 0;
  let now = 0;
  const cache = createPageCache({ maxBytes, maxAgeMs: 60_000, generation: () => generation, now: () => now });
  const page = (bytes: number) => ({ status: 200, headers: {}, nonce: "n", segments: [Buffer.alloc(bytes)] });
  return { cache, page, bump: () => generation++, advance: (ms: number) => (now += ms), generation: () => generation };
}

describe("the page cache", () => {
  it("serves a stored page until the next mutation", () => {
    const { cache, page, bump, generation } = setup();
    expect(cache.set("/", page(10), generation())).toBe(true);
    expect(cache.get("/")?.bytes).toBe(10);
    bump();
    expect(cache.get("/")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("does not keep a page whose render overlapped a mutation", () => {
    const { cache, page, bump, generation } = setup();
    const before = generation();
    bump();
    expect(cache.set("/", page(10), before)).toBe(false);
    expect(cache.get("/")).toBeUndefined();
  });

  it("forgets a page after its maximum age, as dates on it may have moved on", () => {
    const { cache, page, advance } = setup();
    cache.set("/", page(10), 0);
    advance(60_000);
    expect(cache.get("/")).toBeDefined();
    advance(1);
    expect(cache.get("/")).toBeUndefined();
  });

  it("drops the least recently used pages past its size, and refuses pages over a quarter of it", () => {
    const { cache, page } = setup(1000);
    cache.set("/a", page(200), 0);
    cache.set("/b", page(200), 0);
    cache.set("/c", page(200), 0);
    cache.set("/d", page(200), 0);
    cache.get("/a");
    cache.set("/e", page(250), 0);
    expect(cache.get("/b")).toBeUndefined();
    expect(["/a", "/c", "/d", "/e"].every((key) => cache.get(key))).toBe(true);
    expect(cache.bytes).toBe(850);
    expect(cache.set("/big", page(251), 0)).toBe(false);
  });

  it("replaces a page stored again under the same key", () => {
    const { cache, page } = setup();
    cache.set("/", page(100), 0);
    cache.set("/", page(30), 0);
    expect(cache.bytes).toBe(30);
    expect(cache.size).toBe(1);
  });
});
