import { connection } from "next/server";
import { cachedPublishedArticle } from "@/app/_lib/reader-cache";
import { INVALID_AS_OF_MESSAGE, parseAsOf } from "@/lib/as-of";
import { decodePathSegment } from "@/lib/path-segment";

/** GET /api/v1/articles/:slug[?asof=]: a published article with its claims, mentions and published timelines. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  const slug = decodePathSegment((await context.params).id);
  const asOfParam = new URL(request.url).searchParams.get("asof");
  const asOf = parseAsOf(asOfParam);
  if (asOfParam && !asOf) return Response.json({ error: "invalid", message: INVALID_AS_OF_MESSAGE }, { status: 422 });
  const article = slug === null ? null : await cachedPublishedArticle(slug, { asOf });
  if (!article) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  return Response.json(article, { headers: { "cache-control": "public, max-age=30" } });
}
