// `npm start`: build if the sources changed, then serve the production build in one process
// per core (WEB_CONCURRENCY to choose how many; 1 = a single process). The server migrates the
// database, creates the admin from ADMIN_EMAIL and seeds the demo on start (instrumentation.ts),
// in its first process only (server/cluster.mjs). server/serve.mjs is Next behind a cache of
// rendered reader pages.
import { spawn } from "node:child_process";
import os from "node:os";
import { superviseWorkers } from "../server/cluster.mjs";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
const port = process.env.PORT || "3000";
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
const processes = webConcurrency(process.env.WEB_CONCURRENCY);
console.log(`Claimline: starting on http://localhost:${port}`);
if (processes === 1) {
  const server = spawn(process.execPath, ["server/serve.mjs", "--port", port], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
} else {
  await superviseWorkers({ count: processes, args: ["--port", port], env });
}

/** @param {string | undefined} value */
function webConcurrency(value) {
  if (value === undefined || value.trim() === "") return os.availableParallelism();
  const number = Number(value);
  if (Number.isInteger(number) && number >= 1) return number;
  console.error(`Claimline: WEB_CONCURRENCY must be a whole number (1 or more), not "${value}".`);
  process.exit(2);
}
