import { z } from "zod";
import { idParam, optionalText, pastIsoDay, sourceInput } from "./validation";

/** A later value of a quantity claim's figure (e.g. the valuation as reported on a later date), with its source. */
export const observationInput = z.object({
  claimId: idParam,
  value: z.coerce.number({ message: "Enter the value as a number, e.g. 157000000000." }).finite(),
  unit: optionalText(40).transform((v) => v ?? ""),
  observedOn: pastIsoDay,
  note: optionalText(2000),
  /** A form's empty source fields mean "no source", not an invalid one. */
  source: z
    .preprocess((v) => (v && typeof v === "object" && Object.values(v).every((x) => typeof x !== "string" || x.trim() === "") ? null : v), sourceInput.nullable().optional())
    .transform((v) => v ?? null),
});
export type ObservationInput = z.infer<typeof observationInput>;
