import { describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache.mjs";

/** A stand-in for the database's counter and cache_tag_change table (db/cache-tags.ts). */
function setup(maxBytes = 1000) {
  let generation = 0;
  let now = 0;
  const changedAt = new Map<string, number>();
  let questions = 0;
  const cache = createPageCache({
    maxBytes,
    maxAgeMs: 60_000,
    generation: async () => generation,
    changedSince: async (tags, counter) => (questions++, tags.some((tag) => (changedAt.get(tag) ?? -1) > counter)),
    now: () => now,
  });
  const page = (bytes: number, tags = ["desk", "list"]) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), gzipped: null, tags });
  /** A write that stamps `tags` with the counter's new value, as migration 0018's triggers do. */
  const write = (...tags: string[]) => {
    generation++;
    for (const tag of tags) changedAt.set(tag, generation);
  };
  return { cache, page, bump: () => write("desk"), write, advance: (ms: number) => (now += ms), generation: () => generation, questions: () => questions };
}

describe("the page cache", () => {
  it("serves a stored page until the next mutation", async () => {
    const { cache, page, bump, generation } = setup();
    expect(await cache.set("/", page(10), generation())).toBe(true);
    expect((await cache.get("/"))?.bytes).toBe(10);
    bump();
    expect(await cache.get("/")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps a page when a write touches other tags, and drops it when one touches its own", async () => {
    const { cache, page, write, generation, questions } = setup();
    await cache.set("/articles/a", page(10, ["desk", "article-1", "claim-7"]), generation());
    await cache.set("/articles/b", page(10, ["desk", "article-2", "claim-8"]), generation());
    expect(await cache.get("/articles/a")).toBeDefined();
    expect(questions()).toBe(0);
    write("claim-8", "list");
    expect(await cache.get("/articles/a")).toBeDefined();
    expect(questions()).toBe(1);
    // Asked once per counter value: a second hit at the same value asks nothing.
    expect(await cache.get("/articles/a")).toBeDefined();
    expect(questions()).toBe(1);
    expect(await cache.get("/articles/b")).toBeUndefined();
    write("claim-7");
    expect(await cache.get("/articles/a")).toBeUndefined();
  });

  it("does not keep a page whose render overlapped a mutation", async () => {
    const { cache, page, bump, write, generation } = setup();
    const before = generation();
    bump();
    expect(await cache.set("/", page(10), before)).toBe(false);
    expect(await cache.get("/")).toBeUndefined();
    // Unless the mutation touched nothing the page shows.
    const earlier = generation();
    write("article-99");
    expect(await cache.set("/", page(10), earlier)).toBe(true);
    expect(await cache.get("/")).toBeDefined();
  });

  it("forgets a page after its maximum age, as dates on it may have moved on", async () => {
    const { cache, page, advance } = setup();
    await cache.set("/", page(10), 0);
    advance(60_000);
    expect(await cache.get("/")).toBeDefined();
    advance(1);
    expect(await cache.get("/")).toBeUndefined();
  });

  it("drops the least recently used pages past its size, and refuses pages over a quarter of it", async () => {
    const { cache, page } = setup(1000);
    await cache.set("/a", page(200), 0);
    await cache.set("/b", page(200), 0);
    await cache.set("/c", page(200), 0);
    await cache.set("/d", page(200), 0);
    await cache.get("/a");
    await cache.set("/e", page(250), 0);
    expect(await cache.get("/b")).toBeUndefined();
    expect((await Promise.all(["/a", "/c", "/d", "/e"].map((key) => cache.get(key)))).every(Boolean)).toBe(true);
    expect(cache.bytes).toBe(850);
    expect(await cache.set("/big", page(251), 0)).toBe(false);
  });

  it("replaces a page stored again under the same key", async () => {
    const { cache, page } = setup();
    await cache.set("/", page(100), 0);
    await cache.set("/", page(30), 0);
    expect(cache.bytes).toBe(30);
    expect(cache.size).toBe(1);
  });
});
