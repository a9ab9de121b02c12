// `npm start`: build if the sources changed, then serve the production build. The server
// itself migrates the database, creates the admin from ADMIN_EMAIL and seeds the demo on
// start (instrumentation.ts). server/serve.mjs is Next behind a cache of rendered reader pages.
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
const port = process.env.PORT || "3000";
const server = spawn(process.execPath, ["server/serve.mjs", "--port", port], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
console.log(`Claimline: starting on http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
