import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { engineOfUrl } from "../db/engine-kind";

/**
 * The production server under test: server/serve.mjs (as `npm start` runs it) on the bench
 * database, started and stopped by the bench alone. It runs in its own process group so
 * stopping it ends exactly the processes it started, nothing else.
 */
export interface BenchServer {
  baseUrl: string;
  /** The process that serves requests (Next runs inside it), for memory readings. */
  serverPid: number;
  /** The end of what the server printed so far (stdout and stderr): why a route failed. */
  output(): string;
  stop(): Promise<void>;
}

const FIRST_PORT = 3400;
const READY_TIMEOUT_MS = 60_000;

export async function freePort(from = FIRST_PORT): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}–${from + 199}.`);
}

/**
 * `nodeArgs` go to the server's Node (e.g. --cpu-prof, which NODE_OPTIONS refuses), for looking into a slow route by hand.
 * `processes` runs the app as `npm start` does with WEB_CONCURRENCY (scripts/start.mjs, server/cluster.mjs) instead of
 * one server/serve.mjs; it is ready once every worker listens.
 */
export async function startServer(options: { databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[]; processes?: number }): Promise<BenchServer> {
  const port = await freePort();
  const clustered = options.processes !== undefined;
  const script = path.join(process.cwd(), clustered ? "scripts/start.mjs" : "server/serve.mjs");
  const args = clustered ? [script] : [...(options.nodeArgs ?? []), script, "--port", String(port), "--hostname", "127.0.0.1"];
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: "0",
    // The session secret lives beside a SQLite file; a PostgreSQL desk has no file to keep it beside.
    ...(engineOfUrl(options.databaseUrl) === "postgres" ? { BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") } : {}),
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    PUBLIC_BASE_URL: baseUrl,
    BETTER_AUTH_URL: baseUrl,
    ...(clustered ? { WEB_CONCURRENCY: String(options.processes) } : {}),
  };
  // Several processes: cluster.mjs says so once the last worker listens (a single one never prints it).
  const readyText = clustered && options.processes! > 1 ? `${options.processes} worker processes` : undefined;
  return startService({ command: process.execPath, args, env, baseUrl, readyText });
}

/**
 * Any process the bench serves from (the app, the bare ceiling server, Varnish), in its own
 * process group, ready when `/api/health` answers (and `readyText` has been printed, if given).
 */
export async function startService(options: { command: string; args: string[]; env?: NodeJS.ProcessEnv; baseUrl: string; readyText?: string }): Promise<BenchServer> {
  const child = spawn(options.command, options.args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
  starting.add(child);
  child.once("exit", () => starting.delete(child));
  // Only the end is kept: a server logging an error per request must not fill the bench's memory.
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (output.length > 64_000) output = output.slice(-32_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  try {
    await waitUntilHealthy(options.baseUrl, child, () => options.readyText === undefined || output.includes(options.readyText));
  } catch (error) {
    await stopGroup(child);
    throw new Error(`${(error as Error).message}\n--- ${path.basename(options.command)} output ---\n${output.slice(-4000)}`);
  }
  return { baseUrl: options.baseUrl, serverPid: child.pid!, output: () => output, stop: () => stopGroup(child) };
}

/**
 * Processes spawned and not yet stopped, ready or not: Ctrl-C while a server is still starting
 * must stop it too (one left behind once kept a core busy through later runs).
 */
const starting = new Set<ChildProcess>();

export async function stopEveryStartedProcess(): Promise<void> {
  await Promise.all([...starting].map((child) => stopGroup(child)));
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.ok && ready()) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server on ${baseUrl} was not healthy within ${READY_TIMEOUT_MS / 1000} s.`);
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB (VmRSS), or null once it is gone. */
export function residentMb(pid: number): number | null {
  const match = readProc(pid, "status")?.match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) / 1024 : null;
}

/** Samples a process's resident memory every `intervalMs` until stopped; returns the peak seen. */
export function sampleResidentMemory(pid: number, intervalMs = 50): { stop(): number } {
  let peak = residentMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMb(pid) ?? 0);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentMb(pid) ?? 0);
    },
  };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  const timeout = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5000);
  await exited;
  clearTimeout(timeout);
}
