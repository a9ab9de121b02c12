import "server-only";
import type { Worker } from "node:worker_threads";
import { ClientGoneError, ValidationError } from "../errors";
import { IntakeError, type IntakeErrorCode } from "../intake/intake-error";
import type { ParseFailure, ParseJob, ParseOutcome } from "./parse-job";
import { acquireWorker, cancelWait, discardWorker, releaseWorker } from "./worker-pool";

export interface ParseJobOptions {
  /** Stops the work when the client goes away (route handlers pass request.signal). */
  signal?: AbortSignal;
  /** The caller's limit: the server passes PARSE_TIME_LIMIT_SECONDS (parseTimeLimitMs in db/settings.ts). */
  limitMs: number;
  /** The error to answer with once the time limit passes. */
  tooSlow: () => Error;
  /** The error to answer with when the worker runs out of memory (worker-pool.ts sets its limit). */
  tooBig: () => Error;
}

function rebuild(failure: ParseFailure): Error {
  switch (failure.type) {
    case "intake":
      return new IntakeError(failure.code as IntakeErrorCode, failure.message);
    case "validation":
      return new ValidationError(failure.message, failure.fields);
    case "unexpected": {
      const error = new Error(`Parse worker: ${failure.message}`);
      if (failure.stack) error.stack = `${error.message}\n--- in the worker ---\n${failure.stack}`;
      return error;
    }
  }
}

/**
 * Runs one job in a worker thread, so the server's thread stays free to answer other requests
 * however long the parsing takes. The time limit counts from the call, waiting for a free
 * worker included; when it passes, or the signal fires, the worker is terminated.
 */
export function runParseJob<T>(job: ParseJob, options: ParseJobOptions): Promise<T> {
  const { signal, limitMs, tooSlow, tooBig } = options;
  if (signal?.aborted) return Promise.reject(new ClientGoneError());
  return new Promise<T>((resolve, reject) => {
    let current: Worker | null = null;
    let settled = false;

    const settle = () => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (current) {
        current.off("message", onMessage);
        current.off("error", onError);
        current.off("exit", onExit);
      }
    };
    /** Ends the job early: the worker (if it has one yet) is terminated, mid-parse or not. */
    const stop = (error: Error) => {
      if (settled) return;
      settle();
      if (current) discardWorker(current);
      else cancelWait(begin);
      reject(error);
    };
    const onAbort = () => stop(new ClientGoneError());
    const onError = (error: Error) => stop((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? tooBig() : error);
    const onExit = (code: number) => stop(new Error(`The parse worker stopped (exit code ${code}) before it answered.`));
    const onMessage = (outcome: ParseOutcome) => {
      if (settled) return;
      settle();
      releaseWorker(current!);
      if (outcome.ok) resolve(outcome.value as T);
      else reject(rebuild(outcome.failure));
    };
    const begin = (worker: Worker) => {
      current = worker;
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    };

    const timer = setTimeout(() => stop(tooSlow()), limitMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    acquireWorker(begin);
  });
}
