import "server-only";
import { Worker } from "node:worker_threads";
import { ValidationError } from "../../lib/errors";
import { IntakeError, type IntakeErrorCode } from "../intake/intake-error";
import type { ParseFailure, ParseJob, ParseOutcome } from "./parse-job";

/** How long one parse may take before its worker is stopped; PARSE_TIME_LIMIT_SECONDS. */
export function parseTimeLimitMs(): number {
  const seconds = Number(process.env.PARSE_TIME_LIMIT_SECONDS);
  // A real article parses in well under a second even on a busy two-core machine; ten leaves
  // room for a very long page while still stopping one built to stall.
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
}

export interface ParseJobOptions {
  /** Stops the worker when the client goes away (route handlers pass request.signal). */
  signal?: AbortSignal;
  limitMs: number;
  /** The error to answer with once the time limit passes. */
  tooSlow: () => Error;
}

export type StartParseWorker = (job: ParseJob) => Worker;

/**
 * Starts the worker. The literal `new Worker(new URL(...), import.meta.url)` is the form
 * Next's bundler (Turbopack) recognises: it bundles parse-worker.ts and its imports into a
 * chunk of its own and points the URL at it, so the production server needs no separate
 * build step. Unit tests run TypeScript sources, which a worker thread cannot load by
 * itself: test/parse-worker.ts swaps in a start that loads them through tsx.
 */
let startWorker: StartParseWorker = (job) =>
  new Worker(new URL("./parse-worker.ts", import.meta.url), {
    workerData: { job },
    // A page that blows up in memory takes its worker down, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });

export function setParseWorkerStart(start: StartParseWorker): void {
  startWorker = start;
}

/** The client went away: nobody reads the answer, this only ends the work done for it. */
export class ClientGoneError extends Error {
  constructor() {
    super("The request was cancelled before its page or body was read.");
  }
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
 * Runs one job in a worker thread of its own, so the server's thread stays free to answer
 * other requests however long the parsing takes; the worker is terminated when the time
 * limit passes or the signal fires. A fresh worker per job costs a few tens of milliseconds
 * to start and leaves nothing behind from a hostile page.
 */
export function runParseJob<T>(job: ParseJob, options: ParseJobOptions): Promise<T> {
  const { signal, limitMs, tooSlow } = options;
  if (signal?.aborted) return Promise.reject(new ClientGoneError());
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new ClientGoneError()));
    const timer = setTimeout(() => finish(() => reject(tooSlow())), limitMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (outcome: ParseOutcome) => finish(() => (outcome.ok ? resolve(outcome.value as T) : reject(rebuild(outcome.failure)))));
    worker.once("error", (error) => finish(() => reject(error)));
    worker.once("exit", (code) => finish(() => reject(new Error(`The parse worker stopped (exit code ${code}) before it answered.`))));
  });
}
