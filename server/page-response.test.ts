import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { freshNonce, sendCachedPage, splitAtNonce, teeResponse } from "./page-response.mjs";

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw GET: status, headers and the body bytes exactly as sent (fetch would decompress). */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

const OLD = freshNonce();
const PAGE = `<html><script nonce="${OLD}">self.__next_f.push([1,"{\\"nonce\\":\\"${OLD}\\"}"])</script><p>新能源汽车 😀</p></html>`;
const stored = {
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'self' 'nonce-${OLD}' 'strict-dynamic'`, "x-frame-options": "DENY" },
  nonce: OLD,
  segments: splitAtNonce(Buffer.from(PAGE), OLD),
  bytes: splitAtNonce(Buffer.from(PAGE), OLD).reduce((sum, s) => sum + s.length, 0),
  generation: 0,
  storedAt: 0,
};

describe("copying a response while it is sent", () => {
  it("keeps exactly the bytes the client received, strings and buffers, streamed", async () => {
    let kept: Buffer | undefined;
    const url = await serve((_req, res) => {
      teeResponse(res, (body) => (kept = body));
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write("<p>新能源");
      setTimeout(() => {
        res.write(Buffer.from("汽车 😀</p>"));
        res.end(new Uint8Array(Buffer.from("<!-- end -->")));
      }, 20);
    });
    const received = await get(url);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.body.toString()).toBe("<p>新能源汽车 😀</p><!-- end -->");
    expect(kept?.equals(received.body)).toBe(true);
  });

  it("keeps nothing when the client goes away before the end", async () => {
    let finished = false;
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => (closed = resolve));
    const url = await serve((_req, res) => {
      teeResponse(res, () => (finished = true));
      res.write("<p>first half");
      res.once("close", () => {
        res.end("never sent");
        closed();
      });
    });
    await new Promise<void>((resolve) => {
      const req = http.get(url, (res) => res.once("data", () => (req.destroy(), resolve())));
    });
    await gone;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finished).toBe(false);
  });
});

describe("serving a stored page", () => {
  it("puts a fresh nonce in the body and the policy, everywhere the render had its own", async () => {
    const url = await serve((req, res) => void sendCachedPage(req, res, stored, 5_000));
    const first = await get(url);
    const second = await get(url);
    for (const response of [first, second]) {
      const nonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))![1]!;
      expect(nonce).not.toBe(OLD);
      expect(response.body.toString()).toBe(PAGE.replaceAll(OLD, nonce));
      expect(response.headers).toMatchObject({ "x-claimline-cache": "hit", age: "5", "x-frame-options": "DENY", "content-length": String(response.body.length) });
    }
    expect(first.headers["content-security-policy"]).not.toBe(second.headers["content-security-policy"]);
  });

  it("compresses for clients that accept gzip, and answers HEAD without a body", async () => {
    const segments = splitAtNonce(Buffer.from(PAGE.repeat(50)), OLD);
    const large = { ...stored, segments, bytes: segments.reduce((sum, s) => sum + s.length, 0) };
    const url = await serve((req, res) => void sendCachedPage(req, res, large, 0));
    const gzipped = await get(url, { "accept-encoding": "br, gzip, deflate" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    const nonce = /'nonce-([^']+)'/.exec(String(gzipped.headers["content-security-policy"]))![1]!;
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(PAGE.repeat(50).replaceAll(OLD, nonce));
    expect((await get(url, { "accept-encoding": "gzip;q=0" })).headers["content-encoding"]).toBeUndefined();
    const head = await get(url, {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(PAGE.repeat(50)));
  });
});
