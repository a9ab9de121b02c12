"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { unlinkMention } from "@/db/claims/unlink-mention";
import { unlinkMentionInput } from "@/lib/workbench-input";

/** "Not the same claim": the mention gets a claim of its own; the history stays where it was. */
export const unlinkMentionAction = editorAction({
  schema: unlinkMentionInput,
  run: unlinkMention,
  redirectTo: (result) => `/editor/claims/${result.claimId}`,
  revalidate: (result) => [`/editor/claims/${result.formerClaimId}`, `/claims/${result.formerClaimId}`],
});
