import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { purgeCacheTags } from "./cache-purge";

type Received = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string };
const servers: http.Server[] = [];
afterEach(() => {
  servers.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

/** A purge endpoint on 127.0.0.1 that answers each request with the next status in `statuses`. */
async function endpoint(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.claimline/purge`, received };
}

describe("purging a shared cache", () => {
  it("names the tags as Varnish, Fastly and Cloudflare read them, with the token", async () => {
    const { url, received } = await endpoint([200]);
    await purgeCacheTags({ url, token: "cdn-token" }, ["claim-34", "article-12", "list"]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "POST",
      url: "/.claimline/purge",
      headers: { "surrogate-key": "claim-34 article-12 list", "cache-tag": "claim-34,article-12,list", authorization: "Bearer cdn-token", "content-type": "application/json" },
    });
    expect(JSON.parse(received[0]!.body)).toEqual({ tags: ["claim-34", "article-12", "list"] });
  });

  it("sends at most 30 tags a request, so a big import purges everything it touched", async () => {
    const { url, received } = await endpoint([]);
    const tags = Array.from({ length: 65 }, (_, i) => `claim-${i}`);
    await purgeCacheTags({ url }, tags);
    expect(received.map((r) => (JSON.parse(r.body) as { tags: string[] }).tags.length).sort((a, b) => a - b)).toEqual([5, 30, 30]);
    expect(received.flatMap((r) => String(r.headers["surrogate-key"]).split(" ")).sort()).toEqual([...tags].sort());
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it("tries a failed purge once more, then says so in the log without throwing", async () => {
    const retried = await endpoint([503, 200]);
    await purgeCacheTags({ url: retried.url }, ["list"]);
    expect(retried.received).toHaveLength(2);

    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = await endpoint([500, 500]);
    await expect(purgeCacheTags({ url: failing.url }, ["list"])).resolves.toBeUndefined();
    expect(failing.received).toHaveLength(2);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("purging the shared cache at http://127.0.0.1"));
  });
});
