import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { atomFeedXml } from "@/db/feeds/atom-feed";
import { NotFoundError } from "@/lib/errors";
import { decodePathSegment } from "@/lib/path-segment";
import { ATOM_HEADERS } from "@/lib/feeds/atom";

/** GET /feeds/articles/:slug: status updates of the claims in a published article (Atom 1.0); 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  try {
    // Decoded like the article page's own address, so a Chinese slug's feed is found too.
    const slug = decodePathSegment((await params).slug);
    const xml = slug === null ? null : atomFeedXml({ kind: "article", slug });
    if (xml === null) throw new NotFoundError("A published article with that address");
    return new Response(xml, { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
