import "server-only";
import type { DerivedArticleBody } from "../../lib/article-doc/derive-body";
import { quickLook } from "../../lib/article-doc/parse-limits";
import type { BodyFormat } from "../../lib/article-doc/types";
import { ValidationError } from "../../lib/errors";
import { parseTimeLimitMs, runParseJob } from "../parse-worker/run-parse-job";

export { type DerivedArticleBody, type DerivedBody, deriveArticleBody, deriveBody } from "../../lib/article-doc/derive-body";

/**
 * deriveArticleBody for requests: in a worker thread, which refuses a body nested too deeply
 * before parsing it and is stopped when the time limit passes or `signal` fires (the client
 * went away), so no body can hold up the server's other requests. This thread only glances
 * at the body's start (quickLook), to refuse the usual over-nested body at once.
 */
export async function deriveArticleBodyOffThread(input: { body: string; bodyFormat: BodyFormat; language: string | null }, signal?: AbortSignal): Promise<DerivedArticleBody> {
  if (input.bodyFormat !== "plain") quickLook(input.body, input.bodyFormat);
  const limitMs = parseTimeLimitMs();
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
