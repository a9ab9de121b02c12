import "server-only";
import { scopeTags } from "@/db/cache-tags";
import { atomFeedXml } from "@/db/feeds/atom-feed";
import type { FeedScope } from "@/db/feeds/feed-events";
import { timeViewOfSearch } from "@/lib/as-of";
import { NotFoundError } from "@/lib/errors";
import { ATOM_HEADERS } from "@/lib/feeds/atom";
import { publicAnswerHeaders } from "./public-cache";

/**
 * Serves a feed, live or of the day its `?asof=` or `?published=` names (see atomFeedXml).
 * Both at once, or a day that is not real, is refused with 422 and the exports' message: a
 * feed reader must not silently get today's feed for a day it asked for. `scope` is null when
 * the address names nothing; `missing` says what was not found.
 */
export async function feedResponse(request: Request, scope: FeedScope | null, missing: string): Promise<Response> {
  const parsed = timeViewOfSearch(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: "invalid", message: parsed.message }, { status: 422 });
  const xml = scope === null ? null : await atomFeedXml(scope, parsed.view);
  if (scope === null || xml === null) throw new NotFoundError(missing);
  return new Response(xml, { headers: { ...ATOM_HEADERS, ...publicAnswerHeaders(await scopeTags(scope), 60) } });
}
