// The server Playwright starts: the production build on a fresh temporary database with the
// demo data and a known admin, so every e2e run starts from the same state.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-e2e-"));
const port = process.env.E2E_PORT || "3210";
const env = {
  ...process.env,
  // scripts/e2e-postgres-server.ts passes a fresh PostgreSQL database instead.
  DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dir, "claimline.db")}`,
  PORT: port,
  // Reached as a deployment is: on an address, not "localhost" (which hides origin bugs).
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  SEED_DEMO: "1",
  ADMIN_EMAIL: "admin@e2e.claimline.local",
  ADMIN_PASSWORD: "e2e-admin-password",
  NEXT_TELEMETRY_DISABLED: "1",
  // URL import is tested against pages the tests serve on 127.0.0.1.
  INTAKE_ALLOW_PRIVATE_ADDRESSES: "1",
};
console.log(`e2e server: database in ${dir}`);
const server = spawn(process.execPath, ["server/serve.mjs", "--port", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
function stop(signal) {
  server.kill(signal);
  fs.rmSync(dir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
server.on("exit", (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
