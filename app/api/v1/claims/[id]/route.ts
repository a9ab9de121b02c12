import { connection } from "next/server";
import { cachedPublicClaim } from "@/app/_lib/reader-cache";
import { INVALID_AS_OF_MESSAGE, parseAsOf } from "@/lib/as-of";
import { idParam } from "@/lib/validation";

/** GET /api/v1/claims/:id[?asof=YYYY-MM-DD]: a claim as readers see it, with its published timeline. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  const id = idParam.safeParse((await context.params).id);
  const asOfParam = new URL(request.url).searchParams.get("asof");
  const asOf = parseAsOf(asOfParam);
  if (asOfParam && !asOf) return Response.json({ error: "invalid", message: INVALID_AS_OF_MESSAGE }, { status: 422 });
  const claim = id.success ? await cachedPublicClaim(id.data, { asOf }) : null;
  if (!claim) return Response.json({ error: "not_found", message: "No public claim has that id." }, { status: 404 });
  return Response.json(claim, { headers: { "cache-control": "public, max-age=30" } });
}
