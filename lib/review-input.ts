import { z } from "zod";
import { idParam } from "./validation";

/** An article and the version the editor's screen showed (optimistic concurrency). */
export const articleRefInput = z.object({ id: idParam, version: z.coerce.number().int().positive() });

export const reviewRefInput = z.object({ reviewId: idParam });

export const sendBackInput = z.object({
  reviewId: idParam,
  comment: z.string().trim().min(1, "Say what the author should change.").max(2000, "Keep the comment under 2,000 characters."),
});

/** A checkbox: present ("on") when ticked, absent when not. */
export const secondApprovalInput = z.object({ required: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()) });

/** An empty choice means "nobody". */
export const assignClaimInput = z.object({
  claimId: idParam,
  assigneeId: z.preprocess((value) => (value === "" || value === undefined ? null : value), z.string().min(1).max(200).nullable()),
});
