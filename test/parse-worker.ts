import { type ResourceLimits, Worker } from "node:worker_threads";
import { setParseWorkerStart } from "../lib/parse-worker/worker-pool";

/**
 * Unit tests run the TypeScript sources through Vite, which a worker thread does not share;
 * in the production build Next bundles the worker (lib/parse-worker/worker-pool.ts). Here the
 * same entry is loaded through tsx, with the react-server condition the project's tsx
 * scripts use, so its "server-only" imports load as in the server. The jobs run for real.
 */
const ENTRY = new URL("../lib/parse-worker/parse-worker.ts", import.meta.url).href;
const BOOT = `
  const { workerData } = require("node:worker_threads");
  import("tsx/esm/api").then((tsx) => tsx.tsImport(workerData.entry, workerData.entry));
`;

export function startTsxParseWorker(resourceLimits?: ResourceLimits): Worker {
  return new Worker(BOOT, { eval: true, workerData: { entry: ENTRY }, execArgv: ["--conditions", "react-server"], resourceLimits });
}

setParseWorkerStart(() => startTsxParseWorker());
