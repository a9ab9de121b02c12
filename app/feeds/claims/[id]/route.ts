import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { feedResponse } from "@/app/_lib/feed-response";
import { idParam } from "@/lib/validation";

/**
 * GET /feeds/claims/:id: one public claim's status updates, merged claims' included (Atom 1.0),
 * or of a day's with `?asof=` or `?published=`; 404 otherwise.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  try {
    const claimId = idParam.safeParse((await params).id);
    return await feedResponse(request, claimId.success ? { kind: "claim", id: claimId.data } : null, "A public claim with that id");
  } catch (error) {
    return toHttpResponse(error);
  }
}
