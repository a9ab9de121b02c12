// The server of the PostgreSQL smoke e2e (playwright.postgres.config.ts): a throwaway
// PostgreSQL cluster (test/postgres/cluster.ts: initdb in a temporary directory, as the
// `postgres` user when run as root), a fresh database on it, and scripts/e2e-server.mjs on
// that database. Stopping this process stops both.
// No top-level await: tsx runs this file as CommonJS.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createDatabaseAt, startPostgres } from "../test/postgres/cluster";

async function main() {
  const cluster = await startPostgres();
  const url = await createDatabaseAt(cluster.url, "claimline_e2e");
  console.log(`e2e server: PostgreSQL database ${url}`);
  // PostgreSQL has no data folder to keep a generated session secret in: it must be given.
  const secret = randomBytes(32).toString("hex");
  const server = spawn(process.execPath, ["scripts/e2e-server.mjs"], { stdio: "inherit", env: { ...process.env, E2E_DATABASE_URL: url, BETTER_AUTH_SECRET: secret } });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await cluster.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
