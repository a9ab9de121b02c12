// @ts-check
/**
 * The reader generation: the database's change counter (db/change-counter.ts), which triggers
 * move in the same transaction as any change readers would see, whichever process or script
 * made it. The page cache stores it with each page and serves a page only while it is
 * unchanged, so a change shows on the very next view, in every process.
 *
 * The server runs outside the app's bundles, so the app publishes its reader of the counter
 * on the global object under a registered symbol (instrumentation.ts, at start). Until it has,
 * the generation is NaN, which equals nothing: nothing is cached or served from the cache.
 */
export const CHANGE_COUNT = Symbol.for("claimline.changeCount");

/**
 * The counter now: a read of the database per call (on PostgreSQL a round trip, so every node
 * sees the others' writes on its next request). NaN until the app has published its reader.
 * @returns {Promise<number>}
 */
export async function readerGeneration() {
  const read = /** @type {Record<symbol, (() => number | Promise<number>) | undefined>} */ (/** @type {unknown} */ (globalThis))[CHANGE_COUNT];
  return read ? read() : Number.NaN;
}

/** Where instrumentation.ts publishes db/cache-tags.ts's readerPageTags and tagsChangedSince. */
export const CACHE_TAGS = Symbol.for("claimline.cacheTags");

/**
 * @typedef {object} CacheTagReader
 * @property {(pathname: string) => Promise<string[]>} readerPageTags
 * @property {(tags: readonly string[], counter: number) => Promise<boolean>} tagsChangedSince
 */

/** The app's tag reader, or undefined before it has started. @returns {CacheTagReader | undefined} */
export function cacheTagReader() {
  return /** @type {Record<symbol, CacheTagReader | undefined>} */ (/** @type {unknown} */ (globalThis))[CACHE_TAGS];
}
