import "server-only";
import { settings } from "@/db/settings";
import { sharedCacheHeaders } from "@/server/cacheable.mjs";

/**
 * Headers of a public answer that is not a page (JSON API reads, feeds, reports): a shared
 * cache may keep it for SHARED_CACHE_MAX_AGE and is purged by its tags (db/cache-tags.ts) when
 * what it shows changes, as reader pages are (server/cacheable.mjs). Browsers keep it for
 * `browserMaxAge` seconds, which no purge reaches, so that stays short.
 */
export function publicAnswerHeaders(tags: readonly string[], browserMaxAge: number): Record<string, string> {
  return sharedCacheHeaders(tags, settings().SHARED_CACHE_MAX_AGE, browserMaxAge);
}
