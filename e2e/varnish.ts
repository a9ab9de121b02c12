// Debian's Varnish with the shipped deploy/varnish/claimline.vcl in front of a Claimline (or a
// stand-in backend), as a desk deploys it. It runs in the foreground on a working folder of
// its own (-n), so a spec can start and stop it without touching any system Varnish.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const VARNISHD = process.env.VARNISHD_PATH || "/usr/sbin/varnishd";
const VARNISHADM = process.env.VARNISHADM_PATH || "/usr/bin/varnishadm";
export const SHIPPED_VCL = path.join(process.cwd(), "deploy", "varnish", "claimline.vcl");
/** Where the shipped VCL answers the app's purges (CACHE_PURGE_URL's path). */
export const PURGE_PATH = "/.claimline/purge";

export interface SharedCache {
  baseURL: string;
  purgeURL: string;
  /** The time of the newest ban Varnish holds (0: none yet), to wait for one after it. */
  banMark(): number;
  /**
   * Resolves once Varnish holds a ban naming `tag` newer than `after` (a banMark). The app
   * purges after its write has committed, without making the editor wait for it, so a test
   * takes a mark before the write and waits for the purge to arrive. (The newest ban stays
   * listed until a newer one comes: nothing is missed between looks.)
   */
  waitForBan(tag: string, after: number): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/** The shipped VCL, pointed at the backend's port instead of the default 3000. */
function vclFor(backendPort: number): string {
  const shipped = fs.readFileSync(SHIPPED_VCL, "utf8");
  const pointed = shipped.replace(/(\.port\s*=\s*)"3000";/, `$1"${backendPort}";`);
  if (pointed === shipped) throw new Error(`${SHIPPED_VCL} no longer names its backend as .port = "3000"; update e2e/varnish.ts`);
  return pointed;
}

/** Starts varnishd on 127.0.0.1:listenPort in front of 127.0.0.1:backendPort; resolves once it answers. */
export async function startVarnish(listenPort: number, backendPort: number): Promise<SharedCache> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-varnish-"));
  // Run as root, varnishd compiles the VCL as its own unprivileged user, who must read it.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, "claimline.vcl");
  fs.writeFileSync(vcl, vclFor(backendPort));
  // -F: foreground, one manager to stop (it stops its child); -n: state in our folder only.
  const state = path.join(dir, "state");
  const child: ChildProcess = spawn(VARNISHD, ["-F", "-n", state, "-a", `127.0.0.1:${listenPort}`, "-f", vcl, "-s", "malloc,64m"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const baseURL = `http://127.0.0.1:${listenPort}`;
  /** `varnishadm ban.list`: a line per ban, "<time> <objects> <flags> <spec>". */
  const bans = () =>
    execFileSync(VARNISHADM, ["-n", state, "ban.list"], { encoding: "utf8" })
      .split("\n")
      .map((line) => /^(\d+\.\d+)\s+\d+\s+\S*\s*(.*)$/.exec(line.trim()))
      .filter((match) => match !== null)
      .map((match) => ({ time: Number(match[1]), spec: match[2]! }));
  const cache: SharedCache = {
    baseURL,
    purgeURL: `${baseURL}${PURGE_PATH}`,
    output: () => log,
    banMark: () => Math.max(0, ...bans().map((ban) => ban.time)),
    async waitForBan(tag, after) {
      const named = new RegExp(`[(|]${tag}[|)]`);
      const until = Date.now() + 15_000;
      while (!bans().some((ban) => ban.time > after && ban.spec.includes("Surrogate-Key") && named.test(ban.spec))) {
        if (Date.now() > until) throw new Error(`No ban naming ${tag} reached Varnish within 15 s:\n${JSON.stringify(bans())}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // A GET of the purge address is answered by the VCL itself (405), whatever the backend does.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited while starting:\n${log}`);
    try {
      if ((await fetch(cache.purgeURL)).status === 405) return cache;
    } catch {
      // Not listening yet (the VCL is compiled with gcc first).
    }
    if (Date.now() > deadline) {
      await cache.stop();
      throw new Error(`varnishd did not answer within 30 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
