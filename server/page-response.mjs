// @ts-check
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);

/**
 * @typedef {object} CapturedResponse
 * @property {number} status
 * @property {import("node:http").OutgoingHttpHeaders} headers
 * @property {Buffer} body
 */

/**
 * Lets Next write its response into memory instead of the socket, and resolves with it once
 * Next ends it. The server then decides the final headers (a stored reader page's policy
 * depends on its whole body: server/script-hashes.mjs) and sends it itself, compressed.
 * Rendering into a buffer costs the first byte's head start on a miss, which a reader page
 * (rendered in one pass, no streaming Suspense) barely has.
 * Resolves with null if the client goes away first: Next may then stop without ending.
 * @param {import("node:http").ServerResponse} res
 * @returns {{ done: Promise<CapturedResponse | null>, release: () => void }}
 */
export function captureResponse(res) {
  /** @type {Buffer[]} */
  const chunks = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  /** @type {(value: CapturedResponse | null) => void} */
  let resolve = () => {};
  const done = /** @type {Promise<CapturedResponse | null>} */ (new Promise((r) => (resolve = r)));
  res.once("close", () => {
    release();
    resolve(null);
  });
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  /** @param {unknown[]} args @returns {(() => void) | undefined} */
  const callbackOf = (args) => /** @type {(() => void) | undefined} */ (args.find((a) => typeof a === "function"));
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      res.statusCode = status;
      const headers = rest.find((a) => a !== null && typeof a === "object");
      if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      return res;
    }
  );
  res.flushHeaders = () => {};
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      keep(chunk, rest[0]);
      const callback = callbackOf(rest);
      if (callback) process.nextTick(callback);
      return true;
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      keep(chunk, rest[0]);
      release();
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      const callback = callbackOf([chunk, ...rest]);
      if (callback) res.once("finish", callback);
      return res;
    }
  );
  function release() {
    Object.assign(res, original);
  }
  return { done, release };
}

/** @param {Buffer} body @param {number} level zlib's 1 (fastest) to 9 (smallest) */
export function gzipForStore(body, level) {
  return gzip(body, { level });
}

/**
 * Sends a page: gzipped when the client accepts it and a gzipped copy exists.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ status: number, headers: Record<string, string | string[] | number>, body: Buffer, gzipped: Buffer | null }} page
 */
export function sendPage(req, res, page) {
  for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
  res.statusCode = page.status;
  const body = page.gzipped && acceptsGzip(req.headers["accept-encoding"]) ? page.gzipped : page.body;
  if (body === page.gzipped) res.setHeader("content-encoding", "gzip");
  else res.removeHeader("content-encoding");
  res.setHeader("content-length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** @param {string | string[] | undefined} header */
export function acceptsGzip(header) {
  const value = String(header ?? "").toLowerCase();
  return /(?:^|,)\s*gzip\s*(?:,|$|;(?!\s*q=0(?:\.0*)?\s*(?:,|$)))/.test(value);
}
