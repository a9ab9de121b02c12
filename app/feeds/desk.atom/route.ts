import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedResponse } from "@/app/_lib/feed-response";

/**
 * GET /feeds/desk.atom: the desk's latest published status updates, across every public claim
 * (Atom 1.0); `?asof=YYYY-MM-DD` or `?published=YYYY-MM-DD` for a day's (app/_lib/feed-response.ts).
 */
export async function GET(request: Request): Promise<Response> {
  // Read the database on every request (within the minute of caching), never once at build time.
  await connection();
  try {
    return await feedResponse(request, { kind: "desk" }, "The desk feed");
  } catch (error) {
    return toHttpResponse(error);
  }
}
