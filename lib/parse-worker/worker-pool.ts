import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";

/**
 * The parse workers. Starting one loads linkedom, Readability, sanitize-html and marked, which
 * takes about half a second on a busy two-core machine, so a worker that finished its job
 * waits for the next instead of exiting. One whose job ran out of time, or whose client went
 * away, is terminated instead: it may still be deep in a hostile page.
 *
 * At most MAX_WORKERS run at once, a core left for the server's own thread where there are
 * more than two; more jobs wait their turn (their time limit running), so a burst of imports
 * cannot take every core and the server's memory with it.
 */
const MAX_WORKERS = Math.min(4, Math.max(2, os.availableParallelism() - 1));
const MAX_IDLE = 2;

export type StartParseWorker = () => Worker;

/**
 * The literal `new Worker(new URL("./parse-worker.ts", import.meta.url))` is the form Next's
 * bundler (Turbopack) recognises: it bundles parse-worker.ts and its imports into a chunk of
 * their own and starts that, so the production server needs no separate build step. Unit
 * tests run TypeScript sources, which a worker thread cannot load by itself: test/parse-worker.ts
 * swaps in a start that loads the same entry through tsx.
 */
let startWorker: StartParseWorker = () =>
  new Worker(new URL("./parse-worker.ts", import.meta.url), {
    // A page that blows up in memory takes its worker down, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });

export function setParseWorkerStart(start: StartParseWorker): void {
  startWorker = start;
}

let running = 0;
const idle: Worker[] = [];
const waiting: Array<(worker: Worker) => void> = [];

function freshWorker(): Worker {
  const worker = startWorker();
  // Between jobs nobody listens; a worker that dies then simply leaves the idle list.
  const forget = () => {
    const at = idle.indexOf(worker);
    if (at !== -1) idle.splice(at, 1);
  };
  worker.on("error", forget);
  worker.on("exit", forget);
  return worker;
}

function hand(begin: (worker: Worker) => void) {
  const worker = idle.pop() ?? freshWorker();
  worker.ref();
  begin(worker);
}

/** Calls `begin` with a worker now, or once one is free; cancelWait takes a waiting `begin` back. */
export function acquireWorker(begin: (worker: Worker) => void): void {
  if (running < MAX_WORKERS) {
    running++;
    hand(begin);
  } else {
    waiting.push(begin);
  }
}

export function cancelWait(begin: (worker: Worker) => void): void {
  const at = waiting.indexOf(begin);
  if (at !== -1) waiting.splice(at, 1);
}

/** A worker that answered: it serves the next job waiting, or waits itself (not keeping the process alive). */
export function releaseWorker(worker: Worker): void {
  const next = waiting.shift();
  if (next) return next(worker);
  running--;
  if (idle.length < MAX_IDLE) {
    worker.unref();
    idle.push(worker);
  } else {
    void worker.terminate();
  }
}

/** A worker stopped mid-job (time limit, client gone) or broken: terminated, its place given on. */
export function discardWorker(worker: Worker): void {
  void worker.terminate();
  const next = waiting.shift();
  if (next) hand(next);
  else running--;
}

/** Terminates the workers waiting for a job (tests start each case from none). */
export async function closeIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
}
