import "server-only";
import { detectLanguage } from "../../lib/article-doc/detect-language";
import { assertBodyWithinLimits, type DerivedBody, deriveBody } from "../../lib/article-doc/derive-body";
import type { BodyFormat } from "../../lib/article-doc/types";
import { ValidationError } from "../../lib/errors";
import { parseTimeLimitMs, runParseJob } from "../parse-worker/run-parse-job";

export { type DerivedBody, deriveBody };

/**
 * deriveBody for requests: refused at once, on this thread, when the body nests too deeply
 * (a linear scan), then parsed in a worker thread that is stopped when the time limit passes
 * or `signal` fires (the client went away), so no body can hold up other requests.
 */
export async function deriveBodyOffThread(body: string, format: BodyFormat, signal?: AbortSignal): Promise<DerivedBody> {
  // Plain text is split into paragraphs by one linear pass: no parser, nothing to stall.
  if (format === "plain") return deriveBody(body, format);
  assertBodyWithinLimits(body, format);
  const limitMs = parseTimeLimitMs();
  return runParseJob<DerivedBody>({ kind: "derive-body", body, format }, {
    signal,
    limitMs,
    tooSlow: () => {
      const message = `Claimline stopped reading this body after ${limitMs / 1000} seconds. Simplify its markup, or paste it as plain text.`;
      return new ValidationError(message, { body: message });
    },
  });
}

/** The article's language: the editor's choice, else detected from its rendered text. */
export function resolveLanguage(given: string | null, bodyText: string): string {
  return given ?? detectLanguage(bodyText);
}
