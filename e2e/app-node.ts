import { spawn } from "node:child_process";
import { type OwnServer, supervised, waitForHealth } from "./own-server";

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
  const node = supervised(child, baseURL);
  try {
    await waitForHealth(baseURL, child, node.output, 120);
  } catch (error) {
    await node.kill("SIGKILL");
    throw error;
  }
  return node;
}
