import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordResponse } from "../bench/record";
import { startCeiling } from "../bench/scale-out";
import type { BenchServer } from "../bench/server";
import { pointVclAt, sharedCacheVcl } from "../bench/shared-cache";

// The bench's ceiling must send exactly what the app sent, or the "÷ ceiling" rows compare
// different work. An app stand-in that gzips, as server/serve.mjs does for readers who accept it.
const page = Buffer.from("<!DOCTYPE html><p>" + "claim card ".repeat(5000) + "</p>");
const gzipped = zlib.gzipSync(page, { level: 1 });
let app: http.Server;
let appUrl: string;
let ceiling: BenchServer | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-ceiling-test-"));

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const gzip = /gzip/.test(req.headers["accept-encoding"] ?? "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, s-maxage=300", "surrogate-key": "desk article-1", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    res.end(gzip ? gzipped : page);
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await ceiling?.stop();
  await new Promise((resolve) => app.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the bench's bare ceiling server", () => {
  it("answers with the recorded status, headers and gzipped bytes, in its own process", async () => {
    const recorded = await recordResponse(appUrl, "/articles/a?lang=en", { "accept-encoding": "gzip" });
    expect(recorded.body.equals(gzipped)).toBe(true);

    ceiling = await startCeiling([recorded], dir);
    expect(ceiling.serverPid).not.toBe(process.pid);
    const replayed = await recordResponse(ceiling.baseUrl, "/articles/a?lang=en", { "accept-encoding": "gzip" });
    expect(replayed.status).toBe(200);
    expect(replayed.body.equals(gzipped)).toBe(true);
    expect(replayed.headers["content-encoding"]).toBe("gzip");
    expect(replayed.headers["cache-control"]).toBe("public, max-age=0, s-maxage=300");
    expect(replayed.headers["surrogate-key"]).toBe("desk article-1");
    expect(replayed.headers["content-length"]).toBe(String(gzipped.length));
    expect(zlib.gunzipSync(replayed.body).equals(page)).toBe(true);

    const unknown = await recordResponse(ceiling.baseUrl, "/articles/b", {});
    expect(unknown.status).toBe(404);
  });
});

describe("the shared-cache row's VCL", () => {
  it("is found, and its backend is pointed at the app the bench started", () => {
    const file = sharedCacheVcl();
    expect(file).not.toBeNull();
    const vcl = pointVclAt(fs.readFileSync(path.join(process.cwd(), file!), "utf8"), 3412);
    expect(vcl).toMatch(/\.host\s*=\s*"127\.0\.0\.1";/);
    expect(vcl).toMatch(/\.port\s*=\s*"3412";/);
    expect(vcl).not.toMatch(/\.port\s*=\s*"(?!3412")/);
  });
});
