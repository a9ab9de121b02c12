import { describe, expect, it } from "vitest";
import { createGenerationCache } from "./generation-cache";

const bytes = (text: string) => Buffer.from(text);

describe("createGenerationCache", () => {
  it("serves a value while the generation is unchanged, and nothing older once it moves on", () => {
    const cache = createGenerationCache<Buffer>({ maxBytes: 100, sizeOf: (b) => b.length });
    cache.set("a", bytes("one"), 1);
    expect(cache.get("a", 1)?.toString()).toBe("one");
    expect(cache.get("a", 2)).toBeUndefined();
    expect(cache.size).toBe(0);
    // A value made before the change is not kept after it.
    cache.set("a", bytes("stale"), 1);
    expect(cache.get("a", 2)).toBeUndefined();
    cache.set("a", bytes("fresh"), 2);
    expect(cache.get("a", 2)?.toString()).toBe("fresh");
  });

  it("keeps at most maxBytes, dropping the least recently used, and never a value larger than the whole cache", () => {
    const cache = createGenerationCache<Buffer>({ maxBytes: 10, sizeOf: (b) => b.length });
    cache.set("a", bytes("aaaa"), 1);
    cache.set("b", bytes("bbbb"), 1);
    cache.get("a", 1);
    cache.set("c", bytes("cccc"), 1);
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("a", 1)).toBeDefined();
    expect(cache.get("c", 1)).toBeDefined();
    expect(cache.bytes).toBe(8);
    cache.set("huge", Buffer.alloc(11), 1);
    expect(cache.get("huge", 1)).toBeUndefined();
    expect(cache.bytes).toBe(8);
    cache.set("a", bytes("a"), 1);
    expect(cache.bytes).toBe(5);
  });

  it("keeps nothing with maxBytes 0", () => {
    const cache = createGenerationCache<Buffer>({ maxBytes: 0, sizeOf: (b) => b.length });
    cache.set("a", bytes("x"), 1);
    expect(cache.get("a", 1)).toBeUndefined();
  });
});
