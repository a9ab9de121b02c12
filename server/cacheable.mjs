// @ts-check
/**
 * Which requests the page cache may answer, and which responses it may keep. Only what every
 * anonymous reader gets alike: public pages, fetched as a document (not Next's client-side
 * navigation payloads, which vary with router headers), without a session (the header shows
 * the signed-in editor's name and links).
 */

import { DEFAULT_LOCALE, LOCALE_PARAM, preferredLocale } from "../lib/i18n/locale-choice.mjs";

/** The public reader pages. Editor pages, sign-in, APIs, feeds and exports are never cached. */
const READER_PAGE = /^\/(?:$|trends\/?$|articles\/?$|articles\/[^/]+\/?$|articles\/[^/]+\/report\/?$|claims\/[^/]+\/?$)/;

/** The tracker's filters (lib/tracker-query.ts) and a time view's (app/_lib/page-time-view.ts). */
const TRACKER_PARAMS = ["q", "status", "kind", "article", "claimant", "from", "to", "sort", "order", "page"];
const TIME_VIEW_PARAMS = ["asof", "published", "on", "axis"];

/**
 * The query parameters each reader page reads; any other is dropped from the cache key and
 * from the request Next renders, so `?utm_source=…` or a cache-busting `?x=123` is the same
 * page, and a flood of junk query strings neither adds pages nor evicts the real ones.
 * A page that starts reading a new parameter must add it here (server/cacheable.test.ts).
 * @param {string} pathname
 * @returns {readonly string[]}
 */
export function readerParams(pathname) {
  if (pathname === "/" || /^\/trends\/?$/.test(pathname)) return [LOCALE_PARAM, ...TRACKER_PARAMS];
  if (/^\/articles\/?$/.test(pathname)) return [LOCALE_PARAM];
  return [LOCALE_PARAM, ...TIME_VIEW_PARAMS];
}

/**
 * The one URL of what a reader page shows: its path and the parameters it reads, sorted by
 * name (a repeated parameter keeps its values' order).
 * @param {string} pathname
 * @param {URLSearchParams} search
 */
export function canonicalReaderUrl(pathname, search) {
  const read = readerParams(pathname);
  const kept = [...search].filter(([name]) => read.includes(name));
  if (kept.length === 0) return pathname;
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${pathname}?${new URLSearchParams(kept)}`;
}

/** Request headers with which Next answers something other than the page's HTML. */
const ROUTER_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

/**
 * @param {import("node:http").IncomingMessage} req
 * @returns {string | null} the cache key (the page's canonical URL, canonicalReaderUrl), or null when not cacheable
 */
export function pageCacheKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!url.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!READER_PAGE.test(pathname)) return null;
  if (queryAt !== -1 && /(?:^|&)_rsc=/.test(url.slice(queryAt + 1))) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (hasSessionCookie(req.headers.cookie)) return null;
  const search = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  if (!search.has(LOCALE_PARAM)) {
    // A URL without `lang` is the English page, but a visitor who prefers Chinese is first
    // sent to the Chinese URL by proxy.ts, which a hit would skip.
    if (preferredLocale(req.headers.cookie, req.headers["accept-language"]) !== DEFAULT_LOCALE) return null;
  }
  return canonicalReaderUrl(pathname, search);
}

/**
 * Better Auth's cookies (`better-auth.session_token`, with a `__Secure-` prefix over HTTPS).
 * Any of them, even an expired one, sends the request past the cache: the page decides.
 * @param {string | undefined} cookie
 */
function hasSessionCookie(cookie) {
  return cookie !== undefined && cookie.includes("better-auth.");
}

/** Headers that belong to one response, or that the stored page gets anew (sharedCacheHeaders). */
const PER_RESPONSE_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "etag",
  "age",
  "x-claimline-cache",
  "cache-control",
  "content-security-policy",
]);

/**
 * The headers worth replaying, the render's policy and its nonce, or null when the response
 * must not be kept: anything but a whole 200 HTML page, a page that sets a cookie, or one
 * without a script nonce (server/script-hashes.mjs replaces it by hashes).
 * @param {number} status
 * @param {import("node:http").OutgoingHttpHeaders} headers
 * @returns {{ headers: Record<string, string | string[]>, policy: string, nonce: string } | null}
 */
export function keepableResponse(status, headers) {
  if (status !== 200) return null;
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const policy = String(headers["content-security-policy"] ?? "");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) return null;
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return { headers: kept, policy, nonce };
}

/**
 * What lets a shared cache (Varnish, nginx, a CDN) keep a reader page, and purge it when what
 * it shows changes: `public` for `sharedMaxAge` seconds there (browsers ask again each time,
 * max-age=0, and get the shared copy), served stale for at most 30 s while one request
 * refreshes it, and its cache tags as Fastly/Varnish (`Surrogate-Key`, space-separated) and
 * Cloudflare (`Cache-Tag`, comma-separated) read them. The app purges the same tags after
 * every write (app/_lib/cache-purge.ts).
 * @param {readonly string[]} tags
 * @param {number} sharedMaxAge seconds
 * @param {number} [browserMaxAge] seconds a browser may reuse it without asking (0 for pages)
 */
export function sharedCacheHeaders(tags, sharedMaxAge, browserMaxAge = 0) {
  return {
    "cache-control": `public, max-age=${browserMaxAge}, s-maxage=${sharedMaxAge}, stale-while-revalidate=30`,
    "surrogate-key": tags.join(" "),
    "cache-tag": tags.join(","),
  };
}
