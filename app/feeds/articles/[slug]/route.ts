import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedResponse } from "@/app/_lib/feed-response";
import { formerSlugRedirect } from "@/app/_lib/former-slug";
import { decodePathSegment } from "@/lib/path-segment";

/**
 * GET /feeds/articles/:slug: status updates of the claims in a published article (Atom 1.0),
 * or of a day's with `?asof=` or `?published=`; 404 otherwise.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  try {
    // Decoded like the article page's own address, so a Chinese slug's feed is found too.
    const slug = decodePathSegment((await params).slug);
    const moved = slug === null ? null : await formerSlugRedirect(request, slug, (current) => `/feeds/articles/${encodeURIComponent(current)}`);
    return moved ?? await feedResponse(request, slug === null ? null : { kind: "article", slug }, "A published article with that address");
  } catch (error) {
    return toHttpResponse(error);
  }
}
