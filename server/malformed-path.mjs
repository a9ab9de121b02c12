// @ts-check
/**
 * Requests whose path is not well-formed percent-encoding ("/claims/%ff", "/articles/%E6%A0").
 * Next decodes dynamic segments before any route of ours runs and answers a malformed one
 * with a bare 500, logged nowhere. Such an address names nothing; the server answers it
 * with 400 before Next sees it. (Query strings are not checked: URLSearchParams reads a
 * malformed one leniently, and each route validates its own parameters.)
 */

/** @param {string | undefined} url req.url: the path and query as sent */
export function hasMalformedPath(url) {
  const path = (url ?? "/").split("?", 1)[0] ?? "";
  // Runs before every request, cache hits included: a path without "%" has nothing to decode.
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** @param {import("node:http").ServerResponse} res */
export function refuseMalformedPath(res) {
  const body = JSON.stringify({ error: "bad_request", message: "That address is not valid: it has a malformed percent-encoding." });
  res.writeHead(400, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}
