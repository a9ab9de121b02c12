import { connection } from "next/server";
import { publicAnswerHeaders } from "@/app/_lib/public-cache";
import { cachedPublicClaim } from "@/app/_lib/reader-cache";
import { claimTags } from "@/db/cache-tags";
import { timeViewOfSearch } from "@/lib/as-of";
import { idParam } from "@/lib/validation";

/**
 * GET /api/v1/claims/:id[?asof=YYYY-MM-DD | ?published=YYYY-MM-DD]: a claim as readers see it,
 * with its published timeline; as of a day (status then, by effective date) or as Claimline
 * published it on a day (by recorded time). Both at once, or a day that is not real: 422. A
 * public claim that did not exist yet on the day is 200 with `tracked: false`, `statusAsOf:
 * null` and a `notice` saying why, not 404.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  const id = idParam.safeParse((await context.params).id);
  const parsed = timeViewOfSearch(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: "invalid", message: parsed.message }, { status: 422 });
  const claim = id.success ? await cachedPublicClaim(id.data, { view: parsed.view }) : null;
  if (!claim) return Response.json({ error: "not_found", message: "No public claim has that id." }, { status: 404 });
  return Response.json(claim, { headers: publicAnswerHeaders(await claimTags(claim.id), 30) });
}
