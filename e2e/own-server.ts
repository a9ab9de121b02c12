import http from "node:http";
// For specs that need a server of their own (load, crash recovery): the production build on a
// fresh temporary database, as scripts/e2e-server.mjs serves the shared one, but in its own
// process group on its own port, so the spec can SIGKILL and restart it at will.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const E2E_ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password" };

export interface OwnDatabase {
  dir: string;
  file: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/**
 * A path for a fresh database in a temporary folder. The server creates it on start, as the
 * shared e2e server does: migrations, the e2e admin and the demo article with its editor.
 */
export function temporaryDatabase(label: string): OwnDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimline-${label}-`));
  const file = path.join(dir, "claimline.db");
  const env = {
    ...process.env,
    DATABASE_URL: `file:${file}`,
    SEED_DEMO: "1",
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return { dir, file, env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface OwnServer {
  baseURL: string;
  /** The server's own process (the leader of its group): to read its memory, or find the processes it starts. */
  pid: number;
  /** Settles when the server has exited, however it was stopped. */
  exited: Promise<void>;
  /** Sends the signal to the whole process group and waits until the server has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

/** Waits until the server answers /api/health; fails if it exits first or `seconds` pass. */
export async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited while starting:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /api/health within ${seconds} s:\n${output()}`);
}

async function waitForOutput(line: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!output().includes(line)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited while starting:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`The server did not print "${line}" within 60 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The production server (server/serve.mjs, as `npm start` runs it) on the database, on its own
 * port. With `processes` above 1, `npm start`'s cluster (scripts/start.mjs with
 * WEB_CONCURRENCY): that many app processes on the one port, ready once all of them listen.
 */
export async function startServer(database: OwnDatabase, port: number, env: Record<string, string> = {}, { processes = 1 } = {}): Promise<OwnServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  // Node itself rather than `npm run serve` or `npm start`: one process group to signal, no npm wrapper in between.
  const args = processes > 1 ? ["scripts/start.mjs"] : ["server/serve.mjs", "--port", String(port)];
  const child = spawn(process.execPath, args, {
    env: { ...database.env, PORT: String(port), WEB_CONCURRENCY: String(processes), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const server = supervised(child, baseURL);
  try {
    await waitForHealth(baseURL, child, server.output);
    // The first process answers health as soon as it listens; the cluster forks the rest after it.
    if (processes > 1) await waitForOutput(`Claimline: ${processes} worker processes`, child, server.output);
  } catch (error) {
    await server.kill("SIGKILL");
    throw error;
  }
  return server;
}


/**
 * A server started `detached` (its own process group): its output kept, and killed with its
 * whole group on `kill()` or when the spec's process exits, so none is left on its port.
 */
export function supervised(child: ChildProcess, baseURL: string): OwnServer {
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Should the spec itself die, take the server with it rather than leave it on the port.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);
  return {
    baseURL,
    pid: child.pid!,
    exited,
    output: () => log,
    async kill(signal) {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, signal);
      await exited;
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** A GET on a connection of its own, as a new reader's would be (no kept-alive socket the server may have closed meanwhile). */
export function freshGet(server: OwnServer, url: string): Promise<{ status: number; cache: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.baseURL}${url}`, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, cache: response.headers["x-claimline-cache"] as string | undefined, body }));
      })
      .on("error", reject);
  });
}
