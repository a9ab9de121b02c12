/**
 * A small in-memory cache of function results, cleared all at once. Claimline runs as one
 * process on one SQLite file, so the process's memory is the right place for the reader
 * cache: nothing outlives the process or is shared with a server on another database (Next's
 * on-disk data cache would be, across restarts).
 */
export interface MemoCache {
  wrap<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R;
  clear(): void;
  readonly size: number;
}

export function createMemoCache(maxEntries = 5000): MemoCache {
  const entries = new Map<string, unknown>();
  return {
    wrap(name, fn) {
      return (...args) => {
        const key = `${name}:${JSON.stringify(args)}`;
        if (entries.has(key)) {
          // Re-insert so the Map's order is least-recently used first.
          const value = entries.get(key);
          entries.delete(key);
          entries.set(key, value);
          return value as ReturnType<typeof fn>;
        }
        const value = fn(...args);
        entries.set(key, value);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        return value;
      };
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
