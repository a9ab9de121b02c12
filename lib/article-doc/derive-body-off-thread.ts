import "server-only";
import type { DerivedArticleBody } from "./derive-body";
import { quickLook } from "./parse-limits";
import type { BodyFormat } from "./types";
import { ValidationError } from "../errors";
import { runParseJob } from "../parse-worker/run-parse-job";

/**
 * deriveArticleBody for requests: in a worker thread, which refuses a body nested too deeply
 * before parsing it and is stopped when `limitMs` passes or `signal` fires (the client
 * went away), so no body can hold up the server's other requests. This thread only glances
 * at the body's start (quickLook), to refuse the usual over-nested body at once.
 */
export async function deriveArticleBodyOffThread(
  input: { body: string; bodyFormat: BodyFormat; language: string | null },
  { limitMs, signal }: { limitMs: number; signal?: AbortSignal },
): Promise<DerivedArticleBody> {
  if (input.bodyFormat !== "plain") quickLook(input.body, input.bodyFormat);
  return runParseJob<DerivedArticleBody>({ kind: "derive-body", body: input.body, format: input.bodyFormat, language: input.language }, {
    signal,
    limitMs,
    tooSlow: () => {
      const message = `Claimline stopped reading this body after ${limitMs / 1000} seconds. Simplify its markup or paste it as plain text; if the server is busy, try again in a minute.`;
      return new ValidationError(message, { body: message });
    },
    tooBig: () => {
      const message = "This body needs more memory to read than Claimline allows. Simplify its markup or paste it as plain text.";
      return new ValidationError(message, { body: message });
    },
  });
}
