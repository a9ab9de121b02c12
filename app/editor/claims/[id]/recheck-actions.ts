"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { setRecheckBy } from "@/db/claims/set-recheck-by";
import { recheckByInput } from "@/lib/recheck-input";

// Setting or clearing a claim's re-check date: one data-access call, which authorises.
export const setRecheckByAction = editorAction({
  schema: recheckByInput,
  run: setRecheckBy,
  successMessage: "recheckSaved",
  revalidate: (saved) => ["/editor/queue", `/editor/claims/${saved.claimId}`],
});
