import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { atomFeedXml } from "@/db/feeds/atom-feed";
import { NotFoundError } from "@/lib/errors";
import { ATOM_HEADERS } from "@/lib/feeds/atom";
import { idParam } from "@/lib/validation";

/** GET /feeds/claims/:id: one public claim's status updates, merged claims' included (Atom 1.0); 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  try {
    const claimId = idParam.safeParse((await params).id);
    const xml = claimId.success ? atomFeedXml({ kind: "claim", id: claimId.data }) : null;
    if (xml === null) throw new NotFoundError("A public claim with that id");
    return new Response(xml, { headers: ATOM_HEADERS });
  } catch (error) {
    return toHttpResponse(error);
  }
}
