import "server-only";
import { blockedConnection, publicOnlyFetch } from "./pinned-fetch";
import { type DownloadedPage, downloadPage, parseHttpUrl } from "./download-page";
import { ClientGoneError } from "../errors";
import { runParseJob } from "../parse-worker/run-parse-job";
import { assertPageWithinLimits, type ExtractedArticle } from "./extract-article";
import { IntakeError } from "./intake-error";

export type FetchedArticle = ExtractedArticle;

export interface FetchArticleOptions {
  /** Lets tests and local setups import from 127.0.0.1 (the server passes INTAKE_ALLOW_PRIVATE_ADDRESSES, see db/intake/import-article.ts). */
  allowPrivateAddresses: boolean;
  /** How long extracting the article may take (the server passes PARSE_TIME_LIMIT_SECONDS). */
  parseLimitMs: number;
  /** For the whole import: name lookups, every redirect and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  /** Stops the download and the extraction when the client goes away. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection was closed unexpectedly",
  UND_ERR_SOCKET: "the connection was closed unexpectedly",
  ENOTFOUND: "no server has that name",
  EAI_AGAIN: "no server has that name",
  EHOSTUNREACH: "the server is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
};

/** fetch reports network failures as TypeError("fetch failed") with the system error as its cause. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : "";
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (/CERT|TLS|SSL/i.test(code)) return "its security certificate is not valid";
  return "the connection failed";
}

function describeDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`;
}

/**
 * Name lookups cannot be cancelled, so the whole download races the deadline; fetch and the
 * body stream also get the signal and stop their sockets when it fires.
 */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Downloads a news page and extracts its article: the first step of importing an article by URL. */
export async function fetchArticleFromUrl(url: string, options: FetchArticleOptions): Promise<FetchedArticle> {
  const start = parseHttpUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const clientGone = () => controller.abort();
  options.signal?.addEventListener("abort", clientGone, { once: true });
  if (options.signal?.aborted) clientGone();
  let page: DownloadedPage;
  const { allowPrivateAddresses } = options;
  try {
    page = await beforeDeadline(
      downloadPage(start, {
        allowPrivateAddresses,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        // Without the allowance, every connection is checked where it is made (no DNS rebinding).
        fetchImpl: options.fetchImpl ?? (allowPrivateAddresses ? fetch : publicOnlyFetch),
        signal: controller.signal,
      }),
      controller.signal,
    );
  } catch (error) {
    if (options.signal?.aborted) throw new ClientGoneError();
    if (controller.signal.aborted) {
      throw new IntakeError("timeout", `${start.host} did not send the page within ${describeDuration(timeoutMs)}.`);
    }
    if (error instanceof IntakeError) throw error;
    const blocked = blockedConnection(error);
    if (blocked) throw blocked;
    throw new IntakeError("unreachable", `Could not reach ${start.host}: ${networkReason(error)}.`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", clientGone);
  }
  return extractOffThread(page, options.parseLimitMs, options.signal);
}

/**
 * Readability and linkedom recurse and may take long on a hostile page: the page is extracted
 * in a worker (which refuses a page nested too deeply before parsing it, see extractArticle),
 * stopped after the time limit or when the client goes away. This thread only glances at the
 * page's start, to refuse the usual over-nested page without waiting for a worker.
 */
async function extractOffThread(page: DownloadedPage, limitMs: number, signal: AbortSignal | undefined): Promise<FetchedArticle> {
  assertPageWithinLimits(page.html, { whole: false });
  return runParseJob<FetchedArticle>({ kind: "extract-article", html: page.html, pageUrl: page.url.href }, {
    signal,
    limitMs,
    tooSlow: () => new IntakeError("too_slow", `Claimline stopped reading the page from ${page.url.host} after ${describeDuration(limitMs)}; it is too complex to extract an article from.`),
    tooBig: () => new IntakeError("too_large", `The page from ${page.url.host} needs more memory to read than Claimline allows.`),
  });
}
