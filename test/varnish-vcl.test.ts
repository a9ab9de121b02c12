import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SharedCache, startVarnish } from "../e2e/varnish";

/**
 * deploy/varnish/claimline.vcl in Debian's varnishd, in front of a stand-in for Claimline that
 * answers as the app does (public pages with Surrogate-Key, private pages, Set-Cookie, a 404
 * without Cache-Control), so each rule of the VCL is checked on its own. The real app behind
 * it is e2e/shared-cache.spec.ts.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the stand-in received, by path: to tell which requests reached it, and with what cookie. */
const received: { url: string; cookie: string | undefined }[] = [];
let fetched = 0;

/** The stand-in: `?tags=` become the Surrogate-Key; the path picks how the app would mark it. */
function backend(): http.Server {
  return http.createServer((req, res) => {
    received.push({ url: req.url ?? "", cookie: req.headers.cookie });
    const url = new URL(req.url ?? "/", "http://backend");
    const headers: http.OutgoingHttpHeaders = { "content-type": "text/html; charset=utf-8" };
    if (url.pathname.startsWith("/signed-in")) headers["cache-control"] = "private, no-cache, no-store";
    else if (url.pathname.startsWith("/sets-cookie")) Object.assign(headers, { "cache-control": "public, max-age=0, s-maxage=300", "set-cookie": "x=1; Path=/" });
    else if (url.pathname.startsWith("/gone")) res.statusCode = 404;
    else {
      headers["cache-control"] = "public, max-age=0, s-maxage=300, stale-while-revalidate=30";
      const tags = (url.searchParams.get("tags") ?? "desk").split(" ");
      headers["surrogate-key"] = tags.join(" ");
      headers["cache-tag"] = tags.join(",");
    }
    res.writeHead(res.statusCode, headers);
    res.end(`${req.method} ${req.url} fetch ${++fetched}`);
  });
}

function request(cache: SharedCache, method: string, path: string, headers: http.OutgoingHttpHeaders = {}, localAddress?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${cache.baseURL}${path}`, { method, headers, agent: false, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const get = (path: string, headers: http.OutgoingHttpHeaders = {}) => request(cache, "GET", path, headers);
const purge = (tags: string, localAddress?: string) => request(cache, "POST", "/.claimline/purge", { "surrogate-key": tags }, localAddress);
/** Views a page until it is stored (a MISS, then a HIT), as a reader's second view would find it. */
async function stored(path: string) {
  await get(path);
  expect((await get(path)).headers["x-cache"], path).toBe("HIT");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

let server: http.Server;
let cache: SharedCache;

beforeAll(async () => {
  server = backend();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cache = await startVarnish(await freePort(), (server.address() as AddressInfo).port);
}, 60_000);

afterAll(async () => {
  await cache?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

describe("deploy/varnish/claimline.vcl", () => {
  it("stores a public page: the second view is a HIT of the same bytes, with its Age", async () => {
    const first = await get("/articles/a?tags=desk%20article-1");
    const second = await get("/articles/a?tags=desk%20article-1");
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["MISS", "HIT"]);
    expect(second.body).toBe(first.body);
    expect(second.headers.age).toMatch(/^\d+$/);
  });

  it("shares one entry among anonymous readers whatever cookies they carry, and keeps those cookies from the app", async () => {
    await stored("/articles/cookies?tags=desk");
    const withCookies = await get("/articles/cookies?tags=desk", { cookie: "claimline-lang=en; _ga=GA1.1" });
    expect(withCookies.headers["x-cache"]).toBe("HIT");
    expect(received.filter((r) => r.url.startsWith("/articles/cookies")).map((r) => r.cookie)).toEqual([undefined]);
  });

  it("a purge bans exactly the objects tagged with a listed tag, as a whole word", async () => {
    const pages = { claim3: "/claims/3?tags=desk%20claim-3", claim34: "/claims/34?tags=desk%20claim-34%20article-12", tracker: "/?tags=desk%20list", other: "/articles/b?tags=desk%20article-13%20claim-5" };
    for (const path of Object.values(pages)) await stored(path);
    expect((await purge("claim-34 list")).status).toBe(200);
    const after = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([name, path]) => [name, (await get(path)).headers["x-cache"]])));
    expect(after).toEqual({ claim3: "HIT", claim34: "MISS", tracker: "MISS", other: "HIT" });
    // Extra spaces around and between tags are how a hand-written purge might look.
    expect((await purge("  article-13   desk ")).status).toBe(200);
    expect((await get(pages.other)).headers["x-cache"]).toBe("MISS");
  });

  it("refuses a purge that is not a POST, not from the ACL, or names anything but tags", async () => {
    await stored("/articles/kept?tags=desk%20article-99");
    expect((await request(cache, "GET", "/.claimline/purge", { "surrogate-key": "article-99" })).status).toBe(405);
    // Another loopback address than the ACL's 127.0.0.1 stands for a machine elsewhere.
    expect((await purge("article-99", "127.0.0.2")).status).toBe(403);
    expect((await purge(".*")).status).toBe(400);
    expect((await purge("article-99|desk")).status).toBe(400);
    expect((await purge("")).status).toBe(400);
    expect((await get("/articles/kept?tags=desk%20article-99")).headers["x-cache"]).toBe("HIT");
  });

  it("passes a signed-in request to the app with its cookie, and stores nothing of it", async () => {
    const session = { cookie: "better-auth.session_token=abc.def; claimline-lang=en" };
    const views = [await get("/articles/signed?tags=desk", session), await get("/articles/signed?tags=desk", session)];
    expect(views.map((v) => v.headers["x-cache"])).toEqual(["MISS", "MISS"]);
    expect(received.filter((r) => r.url.startsWith("/articles/signed")).map((r) => r.cookie)).toEqual([session.cookie, session.cookie]);
    // The next anonymous reader is the first to be stored: nothing the editor got was kept.
    expect((await get("/articles/signed?tags=desk")).headers["x-cache"]).toBe("MISS");
  });

  it("passes a visitor who prefers Chinese on a URL without lang, so the app can redirect them", async () => {
    await stored("/articles/c?tags=desk");
    await stored("/articles/c?lang=zh-Hans&tags=desk");
    const passed = (headers: http.OutgoingHttpHeaders, path = "/articles/c?tags=desk") => get(path, headers).then((answer) => answer.headers["x-cache"] === "MISS");
    expect(await passed({ cookie: "claimline-lang=zh-Hans" })).toBe(true);
    expect(await passed({ "accept-language": "zh-CN,zh;q=0.9" })).toBe(true);
    // The app negotiates: French first and Chinese second is the Chinese interface.
    expect(await passed({ "accept-language": "fr-FR, zh-TW;q=0.5" })).toBe(true);
    // The switch's English choice wins over the browser; an explicit lang is one page for all.
    expect(await passed({ cookie: "claimline-lang=en", "accept-language": "zh-CN" })).toBe(false);
    expect(await passed({ "accept-language": "en-GB,en;q=0.9" })).toBe(false);
    expect(await passed({ "accept-language": "zh-CN" }, "/articles/c?lang=zh-Hans&tags=desk")).toBe(false);
  });

  it("never stores what the app keeps private, sets a cookie with, or leaves unmarked", async () => {
    for (const path of ["/signed-in/page", "/sets-cookie/page", "/gone/article"]) {
      await get(path);
      expect((await get(path)).headers["x-cache"], path).toBe("MISS");
    }
  });

  it("passes writes", async () => {
    const before = fetched;
    const writes = [await request(cache, "POST", "/articles/a?tags=desk%20article-1"), await request(cache, "POST", "/articles/a?tags=desk%20article-1")];
    expect(writes.map((w) => w.headers["x-cache"])).toEqual(["MISS", "MISS"]);
    expect(fetched).toBe(before + 2);
  });
});
