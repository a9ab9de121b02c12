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
  successMessage: "statusAdded",
  revalidate,
});

export const updateStatusAction = editorAction({
  schema: statusUpdateInput,
  run: updateStatus,
  successMessage: "statusSaved",
  revalidate,
});

export const retireStatusAction = editorAction({
  schema: statusKeyInput,
  run: retireStatus,
  successMessage: "statusRetired",
  revalidate,
});

export const reinstateStatusAction = editorAction({
  schema: statusKeyInput,
  run: reinstateStatus,
  successMessage: "statusReinstated",
  revalidate,
});

export const reorderStatusesAction = editorAction({
  schema: statusOrderInput,
  run: reorderStatuses,
  successMessage: "orderSaved",
  revalidate,
});
