"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { createStatus } from "@/db/statuses/create-status";
import { reorderStatuses } from "@/db/statuses/reorder-statuses";
import { reinstateStatus, retireStatus } from "@/db/statuses/retire-status";
import { updateStatus } from "@/db/statuses/update-status";
import { newStatusInput, statusKeyInput, statusOrderInput, statusUpdateInput } from "@/lib/status-input";

// This screen, and the public home page in case it was cached with the old scale.
const revalidate = () => ["/editor/statuses", "/"];

export const createStatusAction = editorAction({
  schema: newStatusInput,
  run: createStatus,
  successMessage: "Status added at the bottom of the scale.",
  revalidate,
});

export const updateStatusAction = editorAction({
  schema: statusUpdateInput,
  run: updateStatus,
  successMessage: "Status saved.",
  revalidate,
});

export const retireStatusAction = editorAction({
  schema: statusKeyInput,
  run: retireStatus,
  successMessage: "Retired. Existing events keep it; it can no longer be chosen.",
  revalidate,
});

export const reinstateStatusAction = editorAction({
  schema: statusKeyInput,
  run: reinstateStatus,
  successMessage: "Reinstated. It can be chosen for new events again.",
  revalidate,
});

export const reorderStatusesAction = editorAction({
  schema: statusOrderInput,
  run: reorderStatuses,
  successMessage: "Order saved.",
  revalidate,
});
