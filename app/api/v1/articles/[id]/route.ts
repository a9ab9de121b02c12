import { connection } from "next/server";
import { formerSlugRedirect } from "@/app/_lib/former-slug";
import { publicAnswerHeaders } from "@/app/_lib/public-cache";
import { cachedPublishedArticle } from "@/app/_lib/reader-cache";
import { articleTags } from "@/db/cache-tags";
import { timeViewOfSearch } from "@/lib/as-of";
import { decodePathSegment } from "@/lib/path-segment";

/**
 * GET /api/v1/articles/:slug[?asof= | ?published=]: a published article with its claims,
 * mentions and published timelines, as of a day or as published on a day (see the claim route).
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  const slug = decodePathSegment((await context.params).id);
  const parsed = timeViewOfSearch(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: "invalid", message: parsed.message }, { status: 422 });
  const article = slug === null ? null : await cachedPublishedArticle(slug, { view: parsed.view });
  if (!article && slug !== null) {
    const moved = await formerSlugRedirect(request, slug, (current) => `/api/v1/articles/${encodeURIComponent(current)}`);
    if (moved) return moved;
  }
  if (!article) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  return Response.json(article, { headers: publicAnswerHeaders(await articleTags(article.id), 30) });
}
