import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedEvents } from "@/db/feeds/feed-events";
import { siteUrl } from "@/db/site-url";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { ATOM_HEADERS, buildAtomFeed, statusEntries } from "@/lib/feeds/atom";
import { idParam } from "@/lib/validation";

/** GET /feeds/claims/:id: one public claim's status updates, merged claims' included (Atom 1.0); 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  try {
    const claimId = idParam.safeParse((await params).id);
    const feed = claimId.success ? feedEvents({ kind: "claim", id: claimId.data }) : null;
    if (!claimId.success || !feed) throw new NotFoundError("A public claim with that id");
    const site = siteUrl();
    const self = `${site}/feeds/claims/${claimId.data}`;
    const xml = buildAtomFeed({
      title: `Claimline: ${feed.subjectTitle}`,
      id: self,
      selfUrl: self,
      alternateUrl: `${site}/claims/${claimId.data}`,
      author: { name: "Claimline", uri: site },
      entries: statusEntries(feed.events, listStatuses(), site),
    });
    return new Response(xml, { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
