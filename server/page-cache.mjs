// @ts-check
/**
 * Rendered reader pages, kept in the server's memory and served again until the next
 * mutation (the reader generation changes) or for at most `maxAgeMs` (pages show dates such
 * as "today", which change without a write). Least recently used pages go first once the
 * stored bytes pass `maxBytes`.
 */

/**
 * @typedef {object} CachedPage
 * @property {number} status
 * @property {Record<string, string | string[]>} headers  as Next sent them, minus per-response ones
 * @property {Buffer[]} segments  the body split at each occurrence of the render's nonce
 * @property {string} nonce  the render's CSP nonce, replaced by a fresh one on every hit
 * @property {number} bytes  of the segments (the body without its nonces)
 * @property {number} generation
 * @property {number} storedAt  Date.now() when stored
 */

/**
 * @param {{ maxBytes: number, maxAgeMs: number, generation: () => number, now?: () => number }} options
 */
export function createPageCache({ maxBytes, maxAgeMs, generation, now = Date.now }) {
  /** @type {Map<string, CachedPage>} */
  const pages = new Map();
  let storedBytes = 0;

  /** @param {string} key */
  function remove(key) {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    storedBytes -= page.bytes;
  }

  return {
    /** A fresh page for the key, or undefined. @param {string} key */
    get(key) {
      const page = pages.get(key);
      if (!page) return undefined;
      if (page.generation !== generation() || now() - page.storedAt > maxAgeMs) {
        remove(key);
        return undefined;
      }
      // Re-insert so the Map's order stays least recently used first.
      pages.delete(key);
      pages.set(key, page);
      return page;
    },
    /**
     * Stores a page rendered under `generationAtStart`; a page whose render overlapped a
     * mutation may hold the old data, so it is not kept.
     * @param {string} key
     * @param {Omit<CachedPage, "generation" | "storedAt" | "bytes">} page
     * @param {number} generationAtStart
     */
    set(key, page, generationAtStart) {
      if (generationAtStart !== generation()) return false;
      const bytes = page.segments.reduce((sum, s) => sum + s.length, 0);
      if (bytes > maxBytes / 4) return false;
      remove(key);
      pages.set(key, { ...page, bytes, generation: generationAtStart, storedAt: now() });
      storedBytes += bytes;
      for (const oldest of pages.keys()) {
        if (storedBytes <= maxBytes) break;
        remove(oldest);
      }
      return true;
    },
    get size() {
      return pages.size;
    },
    get bytes() {
      return storedBytes;
    },
  };
}
