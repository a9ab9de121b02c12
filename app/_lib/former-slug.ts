import "server-only";
import { permanentRedirect } from "next/navigation";
import { requestedOrigin } from "@/lib/requested-origin";
import { cachedPublishedSlugOfFormer } from "./reader-cache";

/** Where an address lives with `slug` in it, e.g. (s) => `/articles/${encodeURIComponent(s)}/report`. */
type PathOf = (slug: string) => string;

/**
 * For route handlers: a permanent redirect (308, so a HEAD or any method stays as it was)
 * from a published article's former slug to its current one, the query kept, on the host the
 * browser used (request.url names the server's own address); null when `slug` is nobody's
 * former slug. Safe to ask before looking the article up: a former slug is never a current one
 * (migration 0015's triggers), so this answers null for every current address.
 */
export async function formerSlugRedirect(request: Request, slug: string, pathOf: PathOf): Promise<Response | null> {
  const current = await cachedPublishedSlugOfFormer(slug);
  if (current === null) return null;
  const url = new URL(request.url);
  const location = new URL(`${pathOf(current)}${url.search}`, requestedOrigin(request.headers) ?? url.origin);
  return new Response(null, { status: 308, headers: { location: location.href, "cache-control": "public, max-age=30" } });
}

/**
 * For pages: the same redirect, thrown as Next's permanentRedirect (308); `pathOf` keeps the
 * page's time view. Next sends the path as given, relative, so the browser stays on the host
 * it used. Returns only when `slug` is nobody's former slug.
 */
export async function redirectFormerSlug(slug: string, pathOf: PathOf): Promise<void> {
  const current = await cachedPublishedSlugOfFormer(slug);
  if (current !== null) permanentRedirect(pathOf(current));
}
