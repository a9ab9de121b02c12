import "server-only";
import { STATUS_CODES } from "node:http";
import { assertPublicHost } from "./address-guard";
import { IntakeError } from "./intake-error";

export interface DownloadOptions {
  allowPrivateAddresses: boolean;
  maxBytes: number;
  fetchImpl: typeof fetch;
  signal: AbortSignal;
}

export interface DownloadedPage {
  /** Where the page was finally served from, after redirects. */
  url: URL;
  html: string;
}

const MAX_REDIRECTS = 5;
const HTML_TYPES = ["text/html", "application/xhtml+xml"];
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number): IntakeError {
  const cap = formatBytes(maxBytes);
  return new IntakeError("too_large", `That page is larger than ${cap}; Claimline imports pages up to ${cap}.`);
}

/** Stops a response we will not read, so its socket is released; a failure to cancel changes nothing. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

export function parseHttpUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    throw new IntakeError("invalid_url", "Enter a full http:// or https:// address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IntakeError("invalid_url", `Claimline imports http:// and https:// pages only; that address uses ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new IntakeError("invalid_url", "Addresses with a user name or password cannot be imported.");
  }
  return url;
}

/** Follows redirects by hand so every hop passes the address guard, not just the first. */
async function fetchFollowingRedirects(start: URL, options: DownloadOptions): Promise<{ url: URL; response: Response }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    if (!options.allowPrivateAddresses) await assertPublicHost(url);
    const response = await options.fetchImpl(url, {
      redirect: "manual",
      signal: options.signal,
      headers: {
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "user-agent": "Claimline/0.1 (article import for fact-checking)",
      },
    });
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return { url, response };
    await discard(response);
    if (hop === MAX_REDIRECTS) {
      throw new IntakeError("http_error", `That address redirected more than ${MAX_REDIRECTS} times; Claimline gave up following it.`);
    }
    url = parseHttpUrl(location, url);
  }
}

/** Reads at most maxBytes, cancelling the transfer as soon as the page proves larger. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The page's character set: the Content-Type header wins, then a <meta> in the first
 * kilobyte, then UTF-8. Many Chinese sites still serve GBK.
 */
function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const label =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** Downloads an HTML page, enforcing the address guard, redirect limit, status, type and size cap. */
export async function downloadPage(start: URL, options: DownloadOptions): Promise<DownloadedPage> {
  const { url, response } = await fetchFollowingRedirects(start, options);
  if (!response.ok) {
    await discard(response);
    const reason = STATUS_CODES[response.status];
    throw new IntakeError("http_error", `That page answered HTTP ${response.status}${reason ? ` (${reason})` : ""}.`);
  }
  const contentType = response.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!HTML_TYPES.includes(mediaType)) {
    await discard(response);
    throw new IntakeError("not_html", `That address is not a web page (it sent ${mediaType || "no content type"}).`);
  }
  const bytes = await readCapped(response, options.maxBytes);
  return { url, html: decodeHtml(bytes, contentType) };
}
