import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster for tests: a fresh `initdb` in a temporary directory, one
 * `postgres` on a free 127.0.0.1 port (socket in the same directory), gone again on `stop()`.
 *
 * `initdb` and `postgres` refuse to run as root, so under root (CI containers) they run as the
 * `postgres` user that Debian's package creates, on a directory chowned to it; as any other
 * user they run directly. Authentication is `trust`, which is safe only because the server
 * listens on 127.0.0.1 and a socket inside a 0700 directory.
 *
 * If the test process dies without calling stop() (a crash, SIGKILL, a hung run killed by CI),
 * a small watchdog shell notices its parent is gone, shuts the server down and removes the
 * directory, so no orphaned server keeps a port or a disk busy.
 */
export type PostgresCluster = {
  /** Connection URL of the cluster's `postgres` database (superuser `postgres`, no password). */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

const SUPERUSER = "postgres";
const READY_TIMEOUT_MS = 60_000;

/** The newest installed server's bin directory (Debian keeps each major version apart), or PG_BIN. */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  const candidates = fromEnv
    ? [fromEnv]
    : fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => path.join("/usr/lib/postgresql", v, "bin"))
      : [];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "postgres")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, postgres) not found under /usr/lib/postgresql/<version>/bin. " +
        "Install Debian's `postgresql` package (apt-get install postgresql; pg_trgm ships with it), or set PG_BIN to the bin directory.",
    );
  }
  return found;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** argv that runs `command` as the unprivileged server user when we are root, directly otherwise. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", SUPERUSER, "--", command, ...args]] : [command, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function makeDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-pg-"));
  if (isRoot()) {
    const owner = spawnSync("id", ["-u", SUPERUSER], { encoding: "utf8" });
    if (owner.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`Running as root, but there is no '${SUPERUSER}' user to run PostgreSQL as: install Debian's \`postgresql\` package, which creates it.`);
    }
    const uid = Number(owner.stdout.trim());
    const gid = Number(spawnSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).stdout.trim());
    fs.chownSync(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o700);
  return dir;
}

function initdb(bin: string, dataDir: string): void {
  const [command, args] = asServerUser(path.join(bin, "initdb"), [
    "--pgdata",
    dataDir,
    "--username",
    SUPERUSER,
    "--auth",
    "trust",
    "--encoding",
    "UTF8",
    "--locale",
    "C.UTF-8",
    "--no-sync",
    "--no-instructions",
  ]);
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`initdb failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

/**
 * Watches this process from outside: once it is gone, stops the server (fast shutdown, then
 * a hard kill) and removes the directory. Detached, so a signal to our process group spares it.
 */
function startWatchdog(dir: string, dataDir: string): ChildProcess {
  const script = `
    while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    pid=$(head -n 1 '${dataDir}/postmaster.pid' 2>/dev/null)
    if [ -n "$pid" ]; then
      kill -INT "$pid" 2>/dev/null
      for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL "$pid" 2>/dev/null
    fi
    rm -rf '${dir}'
  `;
  const watchdog = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  watchdog.unref();
  return watchdog;
}

async function waitReady(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`postgres exited while starting (${server.exitCode ?? server.signalCode}):\n${readLog(logFile)}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${READY_TIMEOUT_MS} ms: ${String(error)}\n${readLog(logFile)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function readLog(logFile: string): string {
  try {
    return fs.readFileSync(logFile, "utf8").slice(-4000);
  } catch {
    return "(no server log)";
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates an empty database on the server of `adminUrl` (a superuser's URL) and returns its URL. */
export async function createDatabaseAt(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** Starts a fresh cluster; resolves once it accepts connections. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = makeDirectory();
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  let watchdog: ChildProcess | undefined;
  try {
    initdb(bin, dataDir);
    watchdog = startWatchdog(dir, dataDir);
    const port = await freePort();
    const log = fs.openSync(logFile, "a");
    const [command, args] = asServerUser(path.join(bin, "postgres"), [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      // Test data is disposable: skip the durability work (the server is never crashed here).
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=100",
    ]);
    const server = spawn(command, args, { stdio: ["ignore", log, log] });
    fs.closeSync(log);
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    await waitReady(url, server, logFile);

    const exited = new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) resolve();
      else server.once("exit", () => resolve());
    });
    const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const pid = postmasterPid();
    // A normal exit (the test runner finishing without stop()) also takes the server down.
    const onExit = () => {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
    };
    process.once("exit", onExit);

    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      createDatabase: (name: string) => createDatabaseAt(url, name),
      stop() {
        stopped ??= (async () => {
          process.off("exit", onExit);
          try {
            process.kill(pid, "SIGINT"); // fast shutdown: disconnects clients, no waiting for them
          } catch {
            // already gone
          }
          await exited;
          fs.rmSync(dir, { recursive: true, force: true });
          if (watchdog?.pid) {
            try {
              process.kill(watchdog.pid, "SIGKILL");
            } catch {
              // already gone
            }
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    if (watchdog?.pid) {
      try {
        process.kill(watchdog.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    // The server may still be starting: the watchdog is gone, so take it down here.
    try {
      const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGKILL");
    } catch {
      // never started
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
