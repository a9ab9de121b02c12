// @ts-check
/**
 * The true ceiling: a bare Node `http` server that answers each recorded path with the exact
 * status, headers and body bytes the app sent for it (gzip when the app gzipped), and does
 * nothing else. Whatever the app does per request beyond this (routing, the page cache's
 * lookup, the change counter's check) is what the cached rows pay over this one.
 *
 * Run by the bench in its own process: node bench/ceiling-server.mjs <recordings.json> <port>.
 * recordings.json: [{ path, status, headers: { name: value }, body: base64 }].
 */
import fs from "node:fs";
import http from "node:http";

const [file, portArgument] = process.argv.slice(2);
if (!file || !portArgument) {
  console.error("Usage: node bench/ceiling-server.mjs <recordings.json> <port>");
  process.exit(2);
}

// Set by Node per connection and per response: copying the app's would send them twice or wrong.
const PER_RESPONSE = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** @type {{ path: string, status: number, headers: Record<string, string>, body: string }[]} */
const recordings = JSON.parse(fs.readFileSync(file, "utf8"));
const responses = new Map(
  recordings.map((r) => {
    const body = Buffer.from(r.body, "base64");
    const headers = Object.entries(r.headers).filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()));
    headers.push(["content-length", String(body.length)]);
    return [r.path, { status: r.status, headers: headers.flat(), body }];
  }),
);

const server = http.createServer((req, res) => {
  const recorded = responses.get(req.url ?? "");
  if (!recorded) {
    // The bench's readiness probe and drain request.
    res.writeHead(req.url === "/api/health" ? 200 : 404, { "content-type": "text/plain" });
    res.end(req.url === "/api/health" ? "ok" : "not recorded");
    return;
  }
  res.writeHead(recorded.status, recorded.headers);
  res.end(recorded.body);
});
server.listen(Number(portArgument), "127.0.0.1", () => console.log(`ceiling: ready on ${portArgument}`));
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    server.closeAllConnections();
    process.exit(0);
  });
}
