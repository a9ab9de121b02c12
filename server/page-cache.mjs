// @ts-check
/**
 * Rendered reader pages, kept in the server's memory and served again while nothing they show
 * has changed, for at most `maxAgeMs` (pages show dates such as "today", which change without
 * a write). Least recently used pages go first once the stored bytes pass `maxBytes`.
 *
 * "Nothing they show has changed" is asked of the database (issue 18): each page is stored
 * with its cache tags (db/cache-tags.ts) and the change counter's value it was checked at. While
 * the counter is unchanged the page is served without another question; once it moves, one
 * query asks whether any of the page's tags changed since, so a write to another article leaves
 * this one cached, and a write to this one (from any process or script) drops it on the next view.
 */

/**
 * @typedef {object} CachedPage
 * @property {number} status
 * @property {Record<string, string | string[]>} headers  as they are sent (the final Cache-Control, CSP and tags)
 * @property {Buffer} body
 * @property {Buffer | null} gzipped  the body gzipped once when stored, for clients that accept it
 * @property {string[]} tags
 * @property {number} bytes  of body and gzipped together
 * @property {number} checkedAt  the change counter's value at which the page was last known current
 * @property {number} storedAt  Date.now() when stored
 */

/**
 * @param {{
 *   maxBytes: number,
 *   maxAgeMs: number,
 *   generation: () => Promise<number>,
 *   changedSince: (tags: readonly string[], counter: number) => Promise<boolean>,
 *   now?: () => number,
 * }} options
 */
export function createPageCache({ maxBytes, maxAgeMs, generation, changedSince, now = Date.now }) {
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

  /** @param {CachedPage} page */
  async function stillCurrent(page) {
    if (now() - page.storedAt > maxAgeMs) return false;
    const counter = await generation();
    if (counter === page.checkedAt) return true;
    const checkedAt = page.checkedAt;
    if (Number.isNaN(counter) || (await changedSince(page.tags, checkedAt))) return false;
    // Only forward: a slower check that began at an older counter must not undo a newer one.
    if (page.checkedAt === checkedAt) page.checkedAt = counter;
    return true;
  }

  return {
    /**
     * A current page for the key, or undefined. Asks the database (the counter, maybe the tags)
     * first; the page map may change meanwhile, so only the page asked about is touched after.
     * @param {string} key
     * @returns {Promise<CachedPage | undefined>}
     */
    async get(key) {
      const page = pages.get(key);
      if (!page) return undefined;
      const current = await stillCurrent(page);
      if (pages.get(key) !== page) return current ? page : undefined;
      if (!current) {
        remove(key);
        return undefined;
      }
      // Re-insert so the Map's order stays least recently used first.
      pages.delete(key);
      pages.set(key, page);
      return page;
    },
    /**
     * Stores a page rendered from the data as it stood at counter value `checkedAt` (read
     * before the render began). A page whose tags changed since is refused: it may show the
     * old data.
     * @param {string} key
     * @param {Omit<CachedPage, "checkedAt" | "storedAt" | "bytes">} page
     * @param {number} checkedAt
     * @returns {Promise<boolean>}
     */
    async set(key, page, checkedAt) {
      if (Number.isNaN(checkedAt)) return false;
      const bytes = page.body.length + (page.gzipped?.length ?? 0);
      if (bytes > maxBytes / 4) return false;
      const stored = { ...page, bytes, checkedAt, storedAt: now() };
      if (!(await stillCurrent(stored))) return false;
      remove(key);
      pages.set(key, stored);
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
