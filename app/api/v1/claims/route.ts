import { connection } from "next/server";
import { publicAnswerHeaders } from "@/app/_lib/public-cache";
import { cachedTrackerPage } from "@/app/_lib/reader-cache";
import { LIST_TAGS } from "@/db/cache-tags";
import { parseTrackerQuery } from "@/lib/tracker-query";

/**
 * GET /api/v1/claims: the public tracker as JSON, with the same parameters as the tracker page
 * (q, status, kind, article, claimant, from, to, sort, order, page). Published data only.
 */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const result = await cachedTrackerPage(parseTrackerQuery(new URL(request.url).searchParams));
  return Response.json(result, { headers: publicAnswerHeaders(LIST_TAGS, 30) });
}
