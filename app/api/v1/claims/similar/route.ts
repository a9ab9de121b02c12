import { editorReadRoute } from "@/app/_lib/editor-read-route";
import { findSimilarClaims } from "@/db/claims/similar-claims";
import { similarClaimsInput } from "@/lib/workbench-input";

/** GET /api/v1/claims/similar?text=…[&excludeClaimId=] — existing claims that look like the text, best first (editors). */
export const GET = editorReadRoute(async (actor, _params, url) => findSimilarClaims(actor, similarClaimsInput.parse(Object.fromEntries(url.searchParams))));
