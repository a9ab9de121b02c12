import http from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_SLUG } from "./fixtures";
import { type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

/**
 * A flood of distinct junk query strings (cache busters, tracking parameters, random names)
 * against reader pages: the page cache keys a page by the parameters it reads
 * (server/cacheable.mjs), so the flood adds no pages, the stored bytes stay within the budget
 * (PAGE_CACHE_MB), and the real pages are still served from the cache afterwards.
 */
const PORT = Number(process.env.E2E_PORT || 3490) + 3;
const BUDGET_MB = 8;
const FLOOD = 10_000;

// 10,000 requests take a few minutes on a busy two-core machine; nothing here is timed.
test.describe.configure({ timeout: 600_000 });

let database: OwnDatabase;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = temporaryDatabase("junk-flood");
  // A maximum age longer than the test, so every answer below is the cache's own verdict, not an expiry.
  server = await startServer(database, PORT, { PAGE_CACHE_MB: String(BUDGET_MB), PAGE_CACHE_MAX_AGE: "3600" });
});

test.afterAll(async () => {
  agent.destroy();
  await server?.kill("SIGTERM");
  database?.remove();
});

/** The cache's size as the server reports it to its operator (SIGUSR2 prints it; nothing over HTTP). */
async function cacheStats(): Promise<{ pages: number; bytes: number; maxBytes: number }> {
  const before = server.output().length;
  process.kill(server.pid, "SIGUSR2");
  let line: string | undefined;
  await expect.poll(() => (line = /Claimline page cache: (\{.*\})/.exec(server.output().slice(before))?.[1])).toBeTruthy();
  return JSON.parse(line!);
}

// Kept-alive connections, bodies uncompressed: the flood measures the cache, not gzip on a busy machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });

function cacheVerdict(url: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.baseURL}${url}`, { agent, headers: { "accept-encoding": "identity" } }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode === 200) resolve((response.headers["x-claimline-cache"] as string | undefined) ?? null);
          else reject(new Error(`${url}: ${response.statusCode}`));
        });
      })
      .on("error", reject);
  });
}

test("10,000 distinct junk query strings neither grow the page cache past its budget nor push out the real pages", async () => {
  const real = ["/", "/articles", `/articles/${DEMO_SLUG}`, "/claims/1", "/?status=true"];
  for (const url of real) await cacheVerdict(url);
  for (const url of real) expect(await cacheVerdict(url), url).toBe("hit");
  const warmed = await cacheStats();
  expect(warmed.pages).toBe(real.length);

  const junk = (i: number) => {
    const page = real[i % real.length]!;
    const separator = page.includes("?") ? "&" : "?";
    return `${page}${separator}${["utm_source", "_", "cb", `x${i}`][i % 4]}=${i.toString(36)}${Math.random().toString(36).slice(2)}`;
  };
  // A few at a time, as a crawler or an attacker would send them.
  const verdicts = new Map<string, number>();
  for (let i = 0; i < FLOOD; i += 20) {
    const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => cacheVerdict(junk(i + j))));
    for (const verdict of batch) verdicts.set(String(verdict), (verdicts.get(String(verdict)) ?? 0) + 1);
  }
  // Every junk URL was one of the real pages, answered from the cache.
  expect(Object.fromEntries(verdicts)).toEqual({ hit: FLOOD });

  const flooded = await cacheStats();
  expect(flooded.maxBytes).toBe(BUDGET_MB * 1024 * 1024);
  expect(flooded.bytes).toBeLessThanOrEqual(flooded.maxBytes);
  expect(flooded.pages).toBe(real.length);
  expect(flooded.bytes).toBe(warmed.bytes);
  for (const url of real) expect(await cacheVerdict(url), url).toBe("hit");
});
