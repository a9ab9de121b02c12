import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedConnection, publicOnlyFetch } from "./pinned-fetch";

let server: http.Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    requests++;
    response.end("private");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("publicOnlyFetch", () => {
  it("refuses, at connect time, a host name that resolves to a loopback address", async () => {
    // No pre-check runs here: only the connection's own lookup stands between us and 127.0.0.1.
    const error = await publicOnlyFetch(`http://localhost:${port}/`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(blockedConnection(error)?.code).toBe("blocked_address");
    expect(requests).toBe(0);
  });
});
