// Debian's nginx as the reverse proxy in front of a Claimline server, as a desk deploys it:
// another host name, the client's address in X-Forwarded-For, the host in X-Forwarded-Host.
// It runs in the foreground as one process on a configuration and folder of its own, so the
// spec can start and stop it without touching any system nginx.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH || "/usr/sbin/nginx";

export interface ReverseProxy {
  stop(): Promise<void>;
  output(): string;
}

function configuration(dir: string, listenPort: number, upstreamPort: number): string {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Backups are restored through the proxy: room for the largest the app accepts.
  client_max_body_size 250m;
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
    }
  }
}
`;
}

/** Starts nginx on 127.0.0.1:listenPort in front of 127.0.0.1:upstreamPort; resolves once it accepts connections. */
export async function startReverseProxy(listenPort: number, upstreamPort: number): Promise<ReverseProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-nginx-"));
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, configuration(dir, listenPort, upstreamPort));
  // -e: the error log from the start, before the configuration is read (not /var/log/nginx).
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", conf, "-e", path.join(dir, "startup.log")], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const readLogs = () => log + ["startup.log", "error.log"].map((f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "")).join("");
  const proxy: ReverseProxy = {
    output: readLogs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited while starting:\n${readLogs()}`);
    try {
      await fetch(`http://127.0.0.1:${listenPort}/api/health`);
      return proxy;
    } catch {
      if (Date.now() > deadline) {
        await proxy.stop();
        throw new Error(`nginx did not accept connections within 15 s:\n${readLogs()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
