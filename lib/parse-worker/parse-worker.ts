import "server-only";
import { parentPort } from "node:worker_threads";
import { deriveArticleBody } from "../article-doc/derive-body";
import { ValidationError } from "../errors";
import { extractArticle } from "../intake/extract-article";
import { IntakeError } from "../intake/intake-error";
import type { ParseFailure, ParseJob, ParseOutcome } from "./parse-job";

/**
 * The worker thread's entry (see worker-pool.ts): runs each job it is sent, one at a time,
 * and posts the outcome. The parsing here may recurse deeply or take long; the server's
 * thread stops it whenever it must by terminating the worker.
 */
function run(job: ParseJob): unknown {
  switch (job.kind) {
    case "derive-body":
      return deriveArticleBody({ body: job.body, bodyFormat: job.format, language: job.language });
    case "extract-article":
      return extractArticle(job.html, new URL(job.pageUrl));
  }
}

function describe(error: unknown): ParseFailure {
  if (error instanceof IntakeError) return { type: "intake", code: error.code, message: error.message };
  if (error instanceof ValidationError) return { type: "validation", message: error.message, fields: error.fields };
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
  return { type: "unexpected", message, stack };
}

parentPort!.on("message", (job: ParseJob) => {
  let outcome: ParseOutcome;
  try {
    outcome = { ok: true, value: run(job) };
  } catch (error) {
    outcome = { ok: false, failure: describe(error) };
  }
  parentPort!.postMessage(outcome);
});
