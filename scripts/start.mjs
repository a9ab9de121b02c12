// `npm start`: build if the sources changed, then serve the production build. The server
// itself migrates the database, creates the admin from ADMIN_EMAIL and seeds the demo on
// start (instrumentation.ts), so this works the same under `next start` directly.
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
const port = process.env.PORT || "3000";
const server = spawn("npx", ["next", "start", "--port", port], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
console.log(`Claimline: starting on http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
