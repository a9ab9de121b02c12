import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { hasMalformedPath, refuseMalformedPath } from "./malformed-path.mjs";

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe("hasMalformedPath", () => {
  it("finds percent-encodings that do not decode, in the path only", () => {
    for (const url of ["/claims/%ff", "/articles/%E6%A0", "/api/v1/articles/a/%ff", "/feeds/claims/%", "/x/%zz?ok=1", "/%ed%a0%80"]) expect(hasMalformedPath(url), url).toBe(true);
    for (const url of ["/", "/claims/1", `/articles/${encodeURIComponent("标题")}`, "/articles/a%2Db", "/claims/1?asof=%ff", "/?q=%", undefined]) expect(hasMalformedPath(url), String(url)).toBe(false);
  });
});

describe("refuseMalformedPath", () => {
  it("answers 400 with a JSON message", async () => {
    const server = http.createServer((_req, res) => refuseMalformedPath(res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/claims/%ff`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_request", message: expect.stringContaining("malformed percent-encoding") });
  });
});
