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

/** @returns {number} */
export function readerGeneration() {
  const read = /** @type {Record<symbol, (() => number) | undefined>} */ (/** @type {unknown} */ (globalThis))[CHANGE_COUNT];
  return read ? read() : Number.NaN;
}
