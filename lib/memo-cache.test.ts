import { describe, expect, it } from "vitest";
import { createMemoCache } from "./memo-cache";

describe("createMemoCache", () => {
  it("computes once per distinct arguments until cleared", () => {
    const cache = createMemoCache();
    let calls = 0;
    const square = cache.wrap("square", (n: number, opts: { plus: number }) => {
      calls++;
      return n * n + opts.plus;
    });
    expect(square(3, { plus: 1 })).toBe(10);
    expect(square(3, { plus: 1 })).toBe(10);
    expect(square(3, { plus: 2 })).toBe(11);
    expect(calls).toBe(2);
    cache.clear();
    expect(square(3, { plus: 1 })).toBe(10);
    expect(calls).toBe(3);
  });

  it("keeps at most its size, dropping the least recently used", () => {
    const cache = createMemoCache(2);
    let calls = 0;
    const id = cache.wrap("id", (n: number) => (calls++, n));
    id(1);
    id(2);
    id(1);
    id(3);
    expect(cache.size).toBe(2);
    calls = 0;
    id(1);
    expect(calls).toBe(0);
    id(2);
    expect(calls).toBe(1);
  });

  it("keeps nothing at size 0 (READER_CACHE=0 in app/_lib/reader-cache.ts relies on it)", () => {
    const cache = createMemoCache(0);
    let calls = 0;
    const id = cache.wrap("id", (n: number) => (calls++, n));
    expect(id(1)).toBe(1);
    expect(id(1)).toBe(1);
    expect(calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("drops every result when the generation moves, and a result past its maximum age", () => {
    let generation = 7;
    let clock = 0;
    const cache = createMemoCache(10, { generation: () => generation, maxAgeMs: 1000, now: () => clock });
    let calls = 0;
    const id = cache.wrap("id", (n: number) => (calls++, n));
    id(1);
    id(1);
    expect(calls).toBe(1);
    generation = 8;
    id(1);
    expect(calls).toBe(2);
    clock = 1000;
    id(1);
    expect(calls).toBe(2);
    clock = 1001;
    id(1);
    expect(calls).toBe(3);
  });
});

describe("createMemoCache with an asynchronous generation (a database's counter)", () => {
  it("awaits the generation before each call and drops every result when it moves", async () => {
    let generation = 1;
    let reads = 0;
    const cache = createMemoCache(10, { generation: async () => (reads++, generation) });
    let calls = 0;
    const double = cache.wrapAsync("double", async (n: number) => (calls++, n * 2));
    expect(await double(2)).toBe(4);
    expect(await double(2)).toBe(4);
    expect([calls, reads]).toEqual([1, 2]);
    generation = 2;
    expect(await double(2)).toBe(4);
    expect(calls).toBe(2);
  });

  it("shares one computation between concurrent calls at the same generation", async () => {
    const cache = createMemoCache(10, { generation: async () => 5 });
    let calls = 0;
    const slow = cache.wrapAsync("slow", async (n: number) => (calls++, await Promise.resolve(), n));
    expect(await Promise.all([slow(1), slow(1), slow(1)])).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it("refuses a synchronous wrap of an asynchronous generation instead of comparing a promise", () => {
    const cache = createMemoCache(10, { generation: async () => 5 });
    expect(() => cache.wrap("sync", (n: number) => n)(1)).toThrow(/wrapAsync/);
  });
});
