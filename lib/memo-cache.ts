/**
 * A small in-memory cache of function results. Each process keeps its own (nothing outlives
 * the process or is shared with a server on another database, as Next's on-disk data cache
 * would be), so whether a result is still right is asked of something every process shares:
 * `generation`, a number that changes with every change to the data (for the reader cache, the
 * database's change counter, db/change-counter.ts). A call that sees another number than the
 * one the results were made at drops them all. Results are also dropped after `maxAgeMs`,
 * since some depend on the day as well as on the data.
 *
 * A generation read from a database may be asynchronous (PostgreSQL answers over the network):
 * `wrapAsync` awaits it before each call, for functions that return a Promise anyway. `wrap`
 * is for synchronous functions with a synchronous generation (or none).
 */
export interface MemoCache {
  wrap<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R;
  wrapAsync<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  clear(): void;
  readonly size: number;
}

export interface MemoCacheOptions {
  /** Read before every call; the default never changes (results then live until cleared or too old). */
  generation?: () => number | Promise<number>;
  maxAgeMs?: number;
  now?: () => number;
}

export function createMemoCache(maxEntries = 5000, options: MemoCacheOptions = {}): MemoCache {
  const { generation = () => 0, maxAgeMs = Infinity, now = Date.now } = options;
  const entries = new Map<string, { value: unknown; storedAt: number }>();
  let madeAt = Number.NaN;

  /** The result of `fn(...args)` at generation `current`: kept, or computed and kept. */
  function lookup<A extends unknown[], R>(current: number, name: string, fn: (...args: A) => R, args: A): R {
    // Read before computing: a change committed while `fn` runs leaves a result stored
    // under the older number, which the next call drops. Never the other way round.
    if (current !== madeAt) {
      entries.clear();
      madeAt = current;
    }
    const key = `${name}:${JSON.stringify(args)}`;
    const entry = entries.get(key);
    if (entry && now() - entry.storedAt <= maxAgeMs) {
      // Re-insert so the Map's order is least-recently used first.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value as R;
    }
    const value = fn(...args);
    entries.delete(key);
    const stored = { value, storedAt: now() };
    entries.set(key, stored);
    // An asynchronous read is cached as its promise, so concurrent views share one read; a
    // read that fails is forgotten, so the next view tries again instead of failing too.
    if (value instanceof Promise) value.catch(() => entries.get(key) === stored && entries.delete(key));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  }

  return {
    wrap(name, fn) {
      return (...args) => {
        const current = generation();
        if (typeof current !== "number") throw new TypeError(`createMemoCache: "${name}" has an asynchronous generation; wrap it with wrapAsync.`);
        return lookup(current, name, fn, args);
      };
    },
    wrapAsync(name, fn) {
      return async (...args) => lookup(await generation(), name, fn, args);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
