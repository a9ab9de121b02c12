/**
 * Values kept while the data they were made from is unchanged: each value is stored with the
 * generation (a number that grows with every change) it was made at, and the cache holds one
 * generation only. Seeing a newer generation drops everything older at once; a value made
 * at an older one is not kept. Bounded in bytes, least recently used dropped first.
 */
export interface GenerationCache<V> {
  get(key: string, generation: number): V | undefined;
  set(key: string, value: V, generation: number): void;
  readonly bytes: number;
  readonly size: number;
}

export function createGenerationCache<V>(options: { maxBytes: number; sizeOf: (value: V) => number }): GenerationCache<V> {
  const { maxBytes, sizeOf } = options;
  const entries = new Map<string, { value: V; bytes: number }>();
  let kept = -Infinity;
  let bytes = 0;

  /** True when `generation` is the one kept (after moving to it if it is newer). */
  const current = (generation: number): boolean => {
    if (generation > kept) {
      entries.clear();
      bytes = 0;
      kept = generation;
    }
    return generation === kept;
  };

  return {
    get(key, generation) {
      if (!current(generation)) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Re-insert so the Map's order is least recently used first.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, generation) {
      if (!current(generation)) return;
      const size = sizeOf(value);
      if (size > maxBytes) return;
      const old = entries.get(key);
      if (old) {
        entries.delete(key);
        bytes -= old.bytes;
      }
      entries.set(key, { value, bytes: size });
      bytes += size;
      for (const [oldest, entry] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(oldest);
        bytes -= entry.bytes;
      }
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}
