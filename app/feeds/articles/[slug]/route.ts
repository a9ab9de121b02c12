import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedEvents } from "@/db/feeds/feed-events";
import { siteUrl } from "@/db/site-url";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { decodePathSegment } from "@/lib/path-segment";
import { ATOM_HEADERS, buildAtomFeed, statusEntries } from "@/lib/feeds/atom";

/** GET /feeds/articles/:slug: status updates of the claims in a published article (Atom 1.0); 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  try {
    // Decoded like the article page's own address, so a Chinese slug's feed is found too.
    const slug = decodePathSegment((await params).slug);
    const feed = slug === null ? null : feedEvents({ kind: "article", slug });
    if (slug === null || !feed) throw new NotFoundError("A published article with that address");
    const site = siteUrl();
    const self = `${site}/feeds/articles/${encodeURIComponent(slug)}`;
    const xml = buildAtomFeed({
      title: `Claimline: ${feed.subjectTitle}`,
      id: self,
      selfUrl: self,
      alternateUrl: `${site}/articles/${encodeURIComponent(slug)}`,
      author: { name: "Claimline", uri: site },
      entries: statusEntries(feed.events, listStatuses(), site),
    });
    return new Response(xml, { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
