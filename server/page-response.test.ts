import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { type CapturedResponse, captureResponse, gzipForStore, sendPage } from "./page-response.mjs";

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

const PAGE = `<html><script nonce="n">self.__next_f.push([1,"x"])</script><p>新能源汽车 😀</p></html>`;

describe("capturing Next's response", () => {
  it("keeps status, headers and every byte, strings and buffers, and sends nothing until the server does", async () => {
    let captured: CapturedResponse | null | undefined;
    const url = await serve(async (req, res) => {
      const capture = captureResponse(res);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.writeHead(201, { "x-from-next": "yes" });
      res.flushHeaders();
      res.write("<p>新能源");
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.write(Buffer.from("汽车 😀</p>"));
      expect(res.headersSent).toBe(false);
      res.end(new Uint8Array(Buffer.from("<!-- end -->")));
      captured = await capture.done;
      sendPage(req, res, { status: captured!.status, headers: { "x-from-server": "yes" }, body: captured!.body, gzipped: null });
    });
    const received = await get(url);
    expect(captured?.status).toBe(201);
    expect(captured?.headers["x-from-next"]).toBe("yes");
    expect(received.status).toBe(201);
    expect(received.headers["x-from-server"]).toBe("yes");
    expect(received.body.toString()).toBe("<p>新能源汽车 😀</p><!-- end -->");
  });

  it("gives up, with nothing, when the reader goes away before Next ends", async () => {
    let outcome: CapturedResponse | null | undefined;
    let settled!: () => void;
    const gone = new Promise<void>((resolve) => (settled = resolve));
    const url = await serve(async (_req, res) => {
      const capture = captureResponse(res);
      res.write("<p>first half");
      // Next stops rendering for a reader who left, without ending the response.
      outcome = await capture.done;
      settled();
    });
    const request = http.get(url);
    request.on("error", () => {});
    setTimeout(() => request.destroy(), 50);
    await gone;
    expect(outcome).toBeNull();
  });
});

describe("sending a page", () => {
  it("sends the gzipped copy to clients that accept gzip, the plain body to others, and no body to HEAD", async () => {
    const body = Buffer.from(PAGE.repeat(50));
    const gzipped = await gzipForStore(body, 6);
    const url = await serve((req, res) => sendPage(req, res, { status: 200, headers: { "content-type": "text/html" }, body, gzipped }));
    const compressed = await get(url, { "accept-encoding": "br, gzip, deflate" });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(compressed.body).equals(body)).toBe(true);
    const plain = await get(url, { "accept-encoding": "gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(body)).toBe(true);
    const head = await get(url, {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(body.length);
  });
});
