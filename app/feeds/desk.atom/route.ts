import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedEvents } from "@/db/feeds/feed-events";
import { siteUrl } from "@/db/site-url";
import { listStatuses } from "@/db/statuses/list-statuses";
import { ATOM_HEADERS, buildAtomFeed, statusEntries } from "@/lib/feeds/atom";

/** GET /feeds/desk.atom: the desk's latest published status updates, across every public claim (Atom 1.0). */
export async function GET(): Promise<Response> {
  // Read the database on every request (within the minute of caching), never once at build time.
  await connection();
  try {
    const feed = feedEvents({ kind: "desk" });
    const site = siteUrl();
    const self = `${site}/feeds/desk.atom`;
    const xml = buildAtomFeed({
      title: "Claimline: latest verification updates",
      id: self,
      selfUrl: self,
      alternateUrl: `${site}/`,
      author: { name: "Claimline", uri: site },
      entries: statusEntries(feed.events, listStatuses(), site),
    });
    return new Response(xml, { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
