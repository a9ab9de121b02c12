// @ts-check
/**
 * The production server: Next's request handler behind a cache of rendered reader pages.
 *
 * Why not plain `next start`: a page Next renders per request costs a render per reader, and
 * Next's own caches (Cache Components, "use cache") keep data and payloads, not the finished
 * bytes, so every view still renders HTML; bench/findings.md has the measurement. Here an
 * anonymous reader's page is rendered once into memory, its script policy turned from the
 * render's nonce into hashes of exactly its scripts (server/script-hashes.mjs), and then sent,
 * gzipped, to every reader and to any shared cache in front (Cache-Control public with its
 * cache tags: server/cacheable.mjs), until what it shows changes or PAGE_CACHE_MAX_AGE passes.
 *
 * It is also where a request's client is established (server/client-address.mjs): the socket's
 * address, or the one a trusted proxy (TRUSTED_PROXIES) forwarded, and no forwarding header
 * from anyone else.
 *
 * Whether a stored page is still right is asked of the database before every hit (the change
 * counter, then the page's cache tags: server/page-cache.mjs), so a change made by another
 * process (npm start runs one per core: server/cluster.mjs), a CLI script or a restore shows on
 * the next view, and a change to one article leaves the others cached.
 *
 * Usage: node server/serve.mjs [--port N] [--hostname H]; PORT, PAGE_CACHE_MB (0 turns the cache off),
 * PAGE_CACHE_MAX_AGE (seconds), SHARED_CACHE_MAX_AGE (seconds), TRUSTED_PROXIES. READER_CACHE=0 turns the cache off too (see
 * app/_lib/reader-cache.ts). One process; `npm start` runs several.
 */
import http from "node:http";
import { keepableResponse, pageCacheKey, sharedCacheHeaders } from "./cacheable.mjs";
import { establishClient, parseTrustedProxies } from "./client-address.mjs";
import { hasMalformedPath, refuseMalformedPath } from "./malformed-path.mjs";
import { createPageCache } from "./page-cache.mjs";
import { captureResponse, gzipForStore, sendPage } from "./page-response.mjs";
import { cacheTagReader, readerGeneration } from "./reader-generation.mjs";
import { inlineScriptHashes, policyWithHashes } from "./script-hashes.mjs";

const port = setting("port", flag("--port") ?? process.env.PORT, 3000);
// Like `next start`: every interface unless --hostname narrows it.
const hostname = flag("--hostname");
// Next builds absolute URLs (redirects, the proxy's request.url) from these.
process.env.PORT = String(port);
const cacheBytes = (process.env.READER_CACHE === "0" ? 0 : setting("PAGE_CACHE_MB", process.env.PAGE_CACHE_MB, 64)) * 1024 * 1024;
const maxAgeSeconds = setting("PAGE_CACHE_MAX_AGE", process.env.PAGE_CACHE_MAX_AGE, 60);
// How long a shared cache (Varnish, a CDN) may keep a reader page; purges end it sooner.
const sharedMaxAgeSeconds = setting("SHARED_CACHE_MAX_AGE", process.env.SHARED_CACHE_MAX_AGE, 300);
const trustedProxies = trustedProxySetting(process.env.TRUSTED_PROXIES);

// As `next start` does; set before Next and React load, which pick their builds by it.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
const cache = createPageCache({
  maxBytes: cacheBytes,
  maxAgeMs: maxAgeSeconds * 1000,
  generation: readerGeneration,
  changedSince: async (tags, counter) => (await cacheTagReader()?.tagsChangedSince(tags, counter)) ?? true,
});

await app.prepare();
const server = http.createServer((req, res) => {
  serve(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`Claimline: ready on http://localhost:${port}`));

// For the operator (and the junk-query flood test): `kill -USR2 <pid>` prints the page cache's
// size on standard output. Not over HTTP: nothing a client sends can read it.
process.on("SIGUSR2", () => {
  console.log(`Claimline page cache: ${JSON.stringify({ pages: cache.size, bytes: cache.bytes, maxBytes: cacheBytes })}`);
});

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
async function serve(req, res) {
  if (hasMalformedPath(req.url)) return refuseMalformedPath(res);
  establishClient(req, trustedProxies);
  const key = pageCacheKey(req);
  const tagReader = cacheTagReader();
  // Until the app has started (instrumentation.ts publishes the tag reader), nothing is shared.
  if (key === null || tagReader === undefined) return handle(req, res);
  const cached = await cache.get(key);
  if (cached) return sendPage(req, res, { ...cached, headers: { ...cached.headers, age: ageOf(cached), "x-claimline-cache": "hit" } });
  // Next renders the page's canonical URL, without the parameters no reader page reads: the
  // page is the same, and what it carries of its URL (the hreflang Link header, the router's
  // payload) is then right for every request the key answers.
  req.url = key;
  if (req.method === "HEAD") return handle(req, res);

  // Read before the tags and the render: a change committed meanwhile moves a tag past it, and
  // the page is then neither kept nor offered to a shared cache.
  const counterAtStart = await readerGeneration();
  const tags = await tagReader.readerPageTags(key.split("?")[0]);
  // Uncompressed from Next, so the body can be hashed; compressed here, hits and misses alike.
  const acceptEncoding = req.headers["accept-encoding"];
  delete req.headers["accept-encoding"];
  const capture = captureResponse(res);
  try {
    await handle(req, res);
  } catch (error) {
    capture.release();
    throw error;
  }
  const rendered = await capture.done;
  if (rendered === null) return; // the reader went away
  if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
  const page = await storablePage(rendered, tags);
  if (page === null) {
    // A 404, a redirect, an error: as Next made it, and never kept.
    return sendPage(req, res, { ...rendered, headers: { ...omitUndefined(rendered.headers), "x-claimline-cache": "miss" }, gzipped: null });
  }
  const current = !Number.isNaN(counterAtStart) && (counterAtStart === (await readerGeneration()) || !(await tagReader.tagsChangedSince(tags, counterAtStart)));
  if (current && cacheBytes > 0) await cache.set(key, page, counterAtStart);
  // A page whose data changed while it rendered goes to this reader only.
  const headers = current ? page.headers : { ...page.headers, "cache-control": "private, no-store" };
  return sendPage(req, res, { ...page, headers: { ...headers, "x-claimline-cache": "miss" } });
}

/**
 * A whole 200 reader page as it is stored and shared: its script policy by hashes instead of
 * the render's nonce, `public` with the shared-cache lifetime, its tags named for purging, and
 * a gzipped copy. Null for anything that must not be stored (server/cacheable.mjs).
 * @param {import("./page-response.mjs").CapturedResponse} rendered
 * @param {string[]} tags
 */
async function storablePage(rendered, tags) {
  const keepable = keepableResponse(rendered.status, rendered.headers);
  if (!keepable) return null;
  const hashes = inlineScriptHashes(rendered.body, keepable.nonce);
  const headers = {
    ...keepable.headers,
    "content-security-policy": policyWithHashes(keepable.policy, hashes),
    ...sharedCacheHeaders(tags, sharedMaxAgeSeconds),
  };
  // Stored pages are gzipped well once and sent many times; a page that is not stored is
  // gzipped quickly, since it is sent once.
  const gzipped = rendered.body.length > 1024 ? await gzipForStore(rendered.body, cacheBytes > 0 ? 6 : 1) : null;
  return { status: rendered.status, headers, body: rendered.body, gzipped, tags };
}

/** @param {import("./page-cache.mjs").CachedPage} page */
function ageOf(page) {
  return String(Math.max(0, Math.floor((Date.now() - page.storedAt) / 1000)));
}

/** @param {import("node:http").OutgoingHttpHeaders} headers */
function omitUndefined(headers) {
  /** @type {Record<string, string | string[] | number>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) kept[name] = value;
  return kept;
}

/**
 * A whole number ≥ 0 from the environment or command line; anything else stops the server
 * with a message rather than running with a cache that silently keeps nothing.
 * @param {string} name @param {string | undefined} value @param {number} fallback
 */
function setting(name, value, fallback) {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= 0) return number;
  console.error(`Claimline: ${name} must be a whole number (0 or more), not "${value}".`);
  process.exit(2);
}

/** @param {string | undefined} value */
function trustedProxySetting(value) {
  try {
    return parseTrustedProxies(value);
  } catch (error) {
    console.error(`Claimline: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}

/** @param {string} name */
function flag(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
