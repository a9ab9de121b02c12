// @ts-check
/**
 * The reader generation: a number the app bumps after every successful mutation (see
 * app/_lib/reader-cache.ts, invalidateReaderCache). The page cache stores it with each page
 * and serves a page only while it is unchanged, so a change shows on the very next view.
 *
 * The app's modules and this server run in one Node process and one global object, so the
 * number lives there, under a registered symbol both sides name (the app bundles its own copy
 * of its modules; a module variable would not be shared).
 */
export const READER_GENERATION = Symbol.for("claimline.readerGeneration");

/** @returns {number} */
export function readerGeneration() {
  return /** @type {Record<symbol, number | undefined>} */ (/** @type {unknown} */ (globalThis))[READER_GENERATION] ?? 0;
}
