// @ts-check
/**
 * Runs server/serve.mjs in `count` worker processes on one port (node:cluster shares the
 * listening socket), so every core serves. The primary only forks and restarts workers; it
 * never loads Next or opens the database.
 *
 * Start-up work (migrations, the admin from ADMIN_EMAIL, the demo seed: instrumentation.ts) runs
 * in the first worker alone: the others are forked once it listens, so two processes never
 * migrate or seed at the same time. By then the database is current, and what the later
 * workers' start-up does is read that it is.
 *
 * Everything the workers share lives in the database: the change counter every cache checks
 * (db/change-counter.ts), sign-in throttles and rate limits (db/limits/limiter.ts). Each
 * worker's caches are its own and fill on its first views.
 */
import cluster from "node:cluster";

/** A worker that dies sooner than this after starting is not restarted in a loop: the primary stops. */
const CRASH_LOOP_MS = 5000;

/**
 * @param {{ count: number, args: string[], env: NodeJS.ProcessEnv }} options
 */
export function superviseWorkers({ count, args, env }) {
  cluster.setupPrimary({ exec: new URL("./serve.mjs", import.meta.url).pathname, args });
  let stopping = false;

  /** @returns {Promise<void>} resolves when the worker listens */
  function fork() {
    const startedAt = Date.now();
    const worker = cluster.fork(env);
    worker.on("exit", (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      if (Date.now() - startedAt < CRASH_LOOP_MS) {
        console.error(`Claimline: a worker exited while starting (${signal ?? code}); stopping.`);
        stop("SIGTERM", code ?? 1);
        return;
      }
      console.error(`Claimline: worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
      void fork();
    });
    return new Promise((resolve) => worker.once("listening", () => resolve()));
  }

  /** @param {NodeJS.Signals} signal @param {number} code */
  function stop(signal, code = 0) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill(signal);
    process.exitCode = code;
  }

  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => stop(signal));

  return fork().then(async () => {
    for (let i = 1; i < count && !stopping; i++) await fork();
    console.log(`Claimline: ${count} worker processes`);
  });
}
