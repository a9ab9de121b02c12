import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { atomFeedXml } from "@/db/feeds/atom-feed";
import { ATOM_HEADERS } from "@/lib/feeds/atom";

/** GET /feeds/desk.atom: the desk's latest published status updates, across every public claim (Atom 1.0). */
export async function GET(): Promise<Response> {
  // Read the database on every request (within the minute of caching), never once at build time.
  await connection();
  try {
    return new Response(atomFeedXml({ kind: "desk" }), { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
