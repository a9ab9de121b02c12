// The Chromium processes a server has started, read from /proc (Linux), for specs that check
// how many browsers PDF export runs.
import fs from "node:fs";
import path from "node:path";

/** The names Chromium's own executable goes by (Debian's /usr/bin/chromium is a shell script that execs /usr/lib/chromium/chromium). */
const CHROMIUM_EXECUTABLES = new Set(["chromium", "chrome", "chromium-browser", "headless_shell", "chrome-headless-shell"]);

export interface ChromiumProcesses {
  /** Browser instances: the main process of each (no `--type=`), one per launch. */
  browsers: number[];
  /** Renderer processes: one per page being printed (and perhaps a spare). */
  renderers: number[];
  /** Every Chromium process: browsers and their zygotes, renderers, GPU and utility processes. */
  all: number[];
}

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // Gone meanwhile.
  }
}

function commandLine(pid: number): string[] {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    // Chromium's child processes rewrite their command line as one space-separated string.
    return argv.length === 1 ? argv[0]!.split(" ") : argv;
  } catch {
    return [];
  }
}

/** The Chromium processes among the descendants of `rootPid` right now. */
export function chromiumProcesses(rootPid: number): ChromiumProcesses {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const result: ChromiumProcesses = { browsers: [], renderers: [], all: [] };
  const pending = [...(children.get(rootPid) ?? [])];
  while (pending.length) {
    const pid = pending.pop()!;
    pending.push(...(children.get(pid) ?? []));
    const argv = commandLine(pid);
    if (!argv[0] || !CHROMIUM_EXECUTABLES.has(path.basename(argv[0]))) continue;
    result.all.push(pid);
    const type = argv.find((arg) => arg.startsWith("--type="));
    if (!type) result.browsers.push(pid);
    else if (type === "--type=renderer") result.renderers.push(pid);
  }
  return result;
}

/** True while the process exists and has not exited (a zombie has exited). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Samples chromiumProcesses until stopped; `stop` answers the most seen at once. */
export function sampleChromium(rootPid: number, everyMs = 20): { stop(): Promise<{ browsers: number; renderers: number; all: number; samples: number }> } {
  const most = { browsers: 0, renderers: 0, all: 0, samples: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = chromiumProcesses(rootPid);
      most.browsers = Math.max(most.browsers, now.browsers.length);
      most.renderers = Math.max(most.renderers, now.renderers.length);
      most.all = Math.max(most.all, now.all.length);
      most.samples++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return most;
    },
  };
}
