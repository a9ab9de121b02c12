import "server-only";
import { requestedOrigin } from "../lib/requested-origin";
import { settings } from "./settings";

export { requestedOrigin };

/**
 * The public base URL of the site, without a trailing slash: what absolute links in feeds
 * and structured data start with, and the origin every same-origin check accepts.
 * PUBLIC_BASE_URL wins, then BETTER_AUTH_URL (already the app's public URL behind a proxy),
 * else the local server.
 */
export function siteUrl(): string {
  const { PUBLIC_BASE_URL, BETTER_AUTH_URL, PORT } = settings();
  const url = PUBLIC_BASE_URL || BETTER_AUTH_URL || `http://localhost:${PORT}`;
  return url.replace(/\/+$/, "");
}

/** The configured site's origin (scheme, host and port), e.g. "https://factcheck.example.org". */
export function siteOrigin(): string {
  return new URL(siteUrl()).origin;
}

/**
 * Whether an Origin header names this site: the configured public origin, or the host this
 * request was addressed to (the same deployment reached by another of its names, e.g.
 * 127.0.0.1 and localhost). Schemes are compared only for the configured origin: behind a
 * TLS-terminating proxy that sends no X-Forwarded-Proto the host is what the browser and we share.
 */
export function isSiteOrigin(origin: string, headers: Pick<Headers, "get">): boolean {
  if (!URL.canParse(origin)) return false;
  const given = new URL(origin);
  if (given.origin === siteOrigin()) return true;
  const requested = requestedOrigin(headers);
  return requested !== null && new URL(requested).host === given.host;
}
