"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { mergeClaims } from "@/db/claims/merge-claims";
import { mergeClaimsInput } from "@/lib/workbench-input";

/** Merges one likely duplicate into the other: every event of both stays, on one timeline. */
export const mergeDuplicateAction = editorAction({
  schema: mergeClaimsInput,
  run: mergeClaims,
  successMessage: "merged",
  revalidate: (result) => ["/editor/duplicates", `/claims/${result.claimId}`],
});
