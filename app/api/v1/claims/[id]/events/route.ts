import { editorRoute } from "@/app/_lib/editor-route";
import { recordStatusEvent } from "@/db/events/record-status-event";
import { statusEventInput } from "@/lib/validation";

/** POST /api/v1/claims/:id/events: append a status event with its sources (editors). */
export const POST = editorRoute({
  schema: statusEventInput,
  input: (body, params) => ({ ...(body as object), claimId: params.id }),
  run: recordStatusEvent,
});
