// @ts-check
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);

/** A nonce as proxy.ts makes them: base64 of a random UUID. */
export function freshNonce() {
  return Buffer.from(randomUUID()).toString("base64");
}

/**
 * Splits a rendered body at each occurrence of its nonce, so a hit can put a fresh one in
 * without searching the page again. The nonce is 48 random base64 characters: it occurs in
 * the page only where Next put it.
 * @param {Buffer} body
 * @param {string} nonce
 */
export function splitAtNonce(body, nonce) {
  const needle = Buffer.from(nonce);
  /** @type {Buffer[]} */
  const segments = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    segments.push(body.subarray(from, at));
    from = at + needle.length;
  }
  segments.push(body.subarray(from));
  return segments;
}

/**
 * Sends a stored page with a fresh nonce in its body and its Content-Security-Policy, so no
 * two responses share a nonce, as when the page is rendered per request. Gzipped (quickly:
 * it runs per hit) when the client accepts it.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {import("./page-cache.mjs").CachedPage} page
 * @param {number} now
 */
export async function sendCachedPage(req, res, page, now) {
  const nonce = freshNonce();
  const nonceBytes = Buffer.from(nonce);
  /** @type {Buffer[]} */
  const parts = [];
  page.segments.forEach((segment, i) => {
    if (i > 0) parts.push(nonceBytes);
    parts.push(segment);
  });
  for (const [name, value] of Object.entries(page.headers)) {
    res.setHeader(name, name === "content-security-policy" && typeof value === "string" ? value.replaceAll(page.nonce, nonce) : value);
  }
  res.setHeader("age", String(Math.max(0, Math.floor((now - page.storedAt) / 1000))));
  res.setHeader("x-claimline-cache", "hit");
  res.statusCode = page.status;
  if (acceptsGzip(req.headers["accept-encoding"]) && page.bytes > 1024) {
    const body = await gzip(Buffer.concat(parts), { level: 1 });
    res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
    return;
  }
  res.setHeader("content-length", page.bytes + (page.segments.length - 1) * nonceBytes.length);
  if (req.method === "HEAD") return void res.end();
  // The parts as they are, without copying a page of up to a few MB into one buffer per hit.
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
}

/** @param {string | string[] | undefined} header */
function acceptsGzip(header) {
  const value = String(header ?? "").toLowerCase();
  return /(?:^|,)\s*gzip\s*(?:,|$|;(?!\s*q=0(?:\.0*)?\s*(?:,|$)))/.test(value);
}

/**
 * Copies what Next writes to `res` while it goes out as usual, and calls `onFinish` with the
 * whole body once the response has been sent completely (not when the client went away).
 * @param {import("node:http").ServerResponse} res
 * @param {(body: Buffer) => void} onFinish
 */
export function teeResponse(res, onFinish) {
  /** @type {Buffer[]} */
  const chunks = [];
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write;
  const end = res.end;
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
      keep(chunk, encoding);
      return write.call(res, chunk, encoding, callback);
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
      keep(chunk, encoding);
      return end.call(res, chunk, encoding, callback);
    }
  );
  res.once("finish", () => onFinish(Buffer.concat(chunks)));
}
