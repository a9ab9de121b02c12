// @ts-check
/**
 * The production server: Next's request handler behind a cache of rendered reader pages.
 *
 * Why not plain `next start`: every page is rendered per request, because each carries a
 * fresh CSP nonce (proxy.ts), so Next's own full-page cache (static rendering, ISR) cannot
 * be used, and a viral fact-check would render the same page for every reader. Here an
 * anonymous reader's page is rendered once per change and then served from memory with a
 * fresh nonce (server/page-response.mjs), until the next mutation or PAGE_CACHE_MAX_AGE.
 *
 * It is also where a request's client is established (server/client-address.mjs): the socket's
 * address, or the one a trusted proxy (TRUSTED_PROXIES) forwarded, and no forwarding header
 * from anyone else.
 *
 * Whether a stored page is still right is asked of the database's change counter
 * (server/reader-generation.mjs) before every hit, so a change made by another process (npm
 * start runs one per core: server/cluster.mjs), a CLI script or a restore shows on the next view.
 *
 * Usage: node server/serve.mjs [--port N] [--hostname H]; PORT, PAGE_CACHE_MB (0 turns the cache off),
 * PAGE_CACHE_MAX_AGE (seconds), TRUSTED_PROXIES. READER_CACHE=0 turns the cache off too (see
 * app/_lib/reader-cache.ts). One process; `npm start` runs several.
 */
import http from "node:http";
import { pageCacheKey, keepableResponse } from "./cacheable.mjs";
import { establishClient, parseTrustedProxies } from "./client-address.mjs";
import { hasMalformedPath, refuseMalformedPath } from "./malformed-path.mjs";
import { createPageCache } from "./page-cache.mjs";
import { sendCachedPage, splitAtNonce, teeResponse } from "./page-response.mjs";
import { readerGeneration } from "./reader-generation.mjs";

const port = setting("port", flag("--port") ?? process.env.PORT, 3000);
// Like `next start`: every interface unless --hostname narrows it.
const hostname = flag("--hostname");
// Next builds absolute URLs (redirects, the proxy's request.url) from these.
process.env.PORT = String(port);
const cacheMegabytes = process.env.READER_CACHE === "0" ? 0 : setting("PAGE_CACHE_MB", process.env.PAGE_CACHE_MB, 64);
const maxAgeSeconds = setting("PAGE_CACHE_MAX_AGE", process.env.PAGE_CACHE_MAX_AGE, 60);
const trustedProxies = trustedProxySetting(process.env.TRUSTED_PROXIES);

// As `next start` does; set before Next and React load, which pick their builds by it.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
const cache = createPageCache({ maxBytes: cacheMegabytes * 1024 * 1024, maxAgeMs: maxAgeSeconds * 1000, generation: readerGeneration });

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
  console.log(`Claimline page cache: ${JSON.stringify({ pages: cache.size, bytes: cache.bytes, maxBytes: cacheMegabytes * 1024 * 1024 })}`);
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
  const key = cacheMegabytes > 0 ? pageCacheKey(req) : null;
  if (key === null) return handle(req, res);
  const cached = cache.get(key);
  if (cached) return sendCachedPage(req, res, cached, Date.now());
  // Next renders the page's canonical URL, without the parameters no reader page reads: the
  // page is the same, and what it carries of its URL (the hreflang Link header, the router's
  // payload) is then right for every request the key answers.
  req.url = key;
  if (req.method === "HEAD") return handle(req, res);

  // Render, sending as Next streams it, and keep a copy. Uncompressed, so the copy can take a
  // fresh nonce later; the hits are compressed.
  delete req.headers["accept-encoding"];
  const generationAtStart = readerGeneration();
  res.setHeader("x-claimline-cache", "miss");
  teeResponse(res, (body) => {
    const keepable = keepableResponse(res.statusCode, res.getHeaders());
    if (keepable) cache.set(key, { status: res.statusCode, headers: keepable.headers, nonce: keepable.nonce, segments: splitAtNonce(body, keepable.nonce) }, generationAtStart);
  });
  return handle(req, res);
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
