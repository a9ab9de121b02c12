import { editorRoute } from "@/app/_lib/editor-route";
import { createClaimWithMention } from "@/db/claims/create-claim-with-mention";
import { claimWithMentionInput } from "@/lib/validation";

/** POST /api/v1/articles/:id/claims: quote a span of the article as a new claim (editors). */
export const POST = editorRoute({
  schema: claimWithMentionInput,
  input: (body, params) => ({ ...(body as object), articleId: params.id }),
  run: createClaimWithMention,
});
