/** Input schemas for the re-check queue and a claim's re-check date (see validation.ts for the shared pieces). */
import { z } from "zod";
import { idParam, optionalIsoDay } from "./validation";

/** A real YYYY-MM-DD sets the date; a blank field (the "Clear" button) clears it. */
export const recheckByInput = z.object({
  claimId: idParam,
  recheckBy: optionalIsoDay,
});
export type RecheckByInput = z.infer<typeof recheckByInput>;

export const DEFAULT_STALE_DAYS = 90;
export const MAX_STALE_DAYS = 3650;

/**
 * The queue's `?days=` search parameter. It arrives as a string (or an array, or nothing);
 * a missing or blank value means the default, anything else must be a whole number in range.
 */
export const queueQuery = z.object({
  days: z.preprocess(
    (value) => {
      const single = Array.isArray(value) ? value[0] : value;
      return typeof single === "string" && single.trim() === "" ? undefined : single;
    },
    z.coerce
      .number({ error: "Enter a number of days." })
      .int("Enter a whole number of days.")
      .min(1, "Enter at least 1 day.")
      .max(MAX_STALE_DAYS, `Enter at most ${MAX_STALE_DAYS} days.`)
      .default(DEFAULT_STALE_DAYS),
  ),
});
export type QueueQuery = z.infer<typeof queueQuery>;
