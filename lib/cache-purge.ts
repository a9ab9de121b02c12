/**
 * Tells a shared cache (Varnish, a CDN) which cache tags a write changed, so it drops exactly
 * the pages and answers that show them (issue 18; tags: db/cache-tags.ts).
 *
 * One `POST` per batch of tags to the configured URL, naming them the ways purge endpoints
 * read them: `Surrogate-Key` (Varnish with deploy/varnish/claimline.vcl, Fastly-style, space-
 * separated), `Cache-Tag` (comma-separated) and a JSON body `{"tags": […]}` (Cloudflare's
 * purge_cache API), with `Authorization: Bearer <token>` when one is set.
 *
 * Sent after the write has committed and never awaited by it: a cache that is down must not
 * fail or slow an editor's save. A failed purge is retried once, then logged; the page then
 * lives in that cache until its s-maxage (SHARED_CACHE_MAX_AGE) ends, which is why that stays short.
 */
export interface PurgeTarget {
  url: string;
  token?: string;
}

/** Tags per request: well within every CDN's per-call limit (Cloudflare: 100), and headers stay small for Varnish. */
const BATCH = 30;
const TIMEOUT_MS = 5000;
const RETRY_AFTER_MS = 1000;

export async function purgeCacheTags(target: PurgeTarget, tags: readonly string[]): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < tags.length; i += BATCH) batches.push(tags.slice(i, i + BATCH));
  await Promise.all(batches.map((batch) => sendWithRetry(target, batch)));
}

async function sendWithRetry(target: PurgeTarget, tags: string[]): Promise<void> {
  try {
    await send(target, tags);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    try {
      await send(target, tags);
    } catch (error) {
      console.error(`Claimline: purging the shared cache at ${new URL(target.url).origin} failed (${error instanceof Error ? error.message : error}); tags: ${tags.join(" ")}`);
    }
  }
}

async function send(target: PurgeTarget, tags: string[]): Promise<void> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "surrogate-key": tags.join(" "),
      "cache-tag": tags.join(","),
      ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
    },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}
