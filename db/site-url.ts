import "server-only";

/**
 * The public base URL of the site, without a trailing slash: what absolute links in feeds
 * and structured data start with. PUBLIC_BASE_URL wins, then BETTER_AUTH_URL (already the
 * app's public URL behind a proxy), else the local server. Read here, not in lib/, because
 * reading the environment is the data layer's job.
 */
export function siteUrl(): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim() || process.env.BETTER_AUTH_URL?.trim();
  const url = configured || `http://localhost:${process.env.PORT || 3000}`;
  // A malformed setting would otherwise surface as broken links in every feed; fail loudly instead.
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new Error(`The public base URL is not an http(s) URL: ${url}. Check PUBLIC_BASE_URL or BETTER_AUTH_URL.`);
  }
  return url.replace(/\/+$/, "");
}
