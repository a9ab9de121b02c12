import { spawn } from "node:child_process";
import type { OwnServer } from "./own-server";

/**
 * One app node for the multi-node spec: the production server (server/serve.mjs) in its own
 * process group, optionally inside a network namespace (`exec` is `ip netns exec <name>`,
 * which execs the server itself, so the group's leader is still the node). Like
 * e2e/own-server.ts' startServer, but with an address other than 127.0.0.1 and an exact
 * environment: a database URL that is not a file, and no demo seed on the second node.
 */
export async function startAppNode(options: { host: string; port: number; exec: string[]; env: NodeJS.ProcessEnv }): Promise<OwnServer> {
  const baseURL = `http://${options.host}:${options.port}`;
  const [command, ...args] = [...options.exec, process.execPath, "server/serve.mjs", "--port", String(options.port)];
  const child = spawn(command!, args, {
    env: { ...options.env, NODE_ENV: "production", PORT: String(options.port), BETTER_AUTH_URL: baseURL },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  // Should the spec itself die, take the node with it rather than leave it on the port.
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const node: OwnServer = {
    baseURL,
    pid: child.pid!,
    exited,
    output: () => log,
    async kill(signal) {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) signalGroup(signal);
      await exited;
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The node at ${baseURL} exited while starting:\n${log}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return node;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await node.kill("SIGKILL");
      throw new Error(`The node at ${baseURL} did not answer /api/health within 120 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
