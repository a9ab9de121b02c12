import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BenchServer, freePort, startService } from "./server";

/** Debian's Varnish (apt-get install varnish). */
export const VARNISHD = "/usr/sbin/varnishd";

/** The VCL the shared-cache row runs: the one the README tells desks to use. */
export const SHARED_CACHE_VCL = "deploy/varnish/claimline.vcl";

export function sharedCacheVcl(): string | null {
  return fs.existsSync(path.join(process.cwd(), SHARED_CACHE_VCL)) ? SHARED_CACHE_VCL : null;
}

/** Points the VCL's backend(s) at the app the bench started, whatever host and port it names. */
export function pointVclAt(vcl: string, port: number): string {
  return vcl.replace(/(\.host\s*=\s*)"[^"]*"/g, '$1"127.0.0.1"').replace(/(\.port\s*=\s*)"[^"]*"/g, `$1"${port}"`);
}

/**
 * Varnish in front of the app at `backendUrl`, in the foreground (-F) of its own process group,
 * its working directory and VCL in a temporary directory removed on stop.
 */
export async function startVarnish(backendUrl: string, vclFile: string): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-bench-varnish-"));
  // varnishd drops to its own users for the cache process, which must read the VCL and the work dir.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, "bench.vcl");
  fs.writeFileSync(vcl, pointVclAt(fs.readFileSync(vclFile, "utf8"), Number(new URL(backendUrl).port)));
  const port = await freePort(3500);
  try {
    const varnish = await startService({
      command: VARNISHD,
      args: ["-F", "-n", path.join(dir, "work"), "-a", `127.0.0.1:${port}`, "-f", vcl, "-s", "malloc,64m"],
      baseUrl: `http://127.0.0.1:${port}`,
    });
    return {
      ...varnish,
      async stop() {
        await varnish.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Varnish names two transactions in X-Varnish on a hit (this request's and the one that stored it), one on a miss or pass. */
export function isVarnishHit(headers: Headers): boolean {
  return (headers.get("x-varnish") ?? "").trim().split(/\s+/).length === 2;
}
