import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { DEMO_EDITOR, DEMO_SLUG, signIn, unique } from "./fixtures";
import { type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";
import { type SharedCache, startVarnish } from "./varnish";

/**
 * Claimline as a desk serves a viral fact-check: `npm start`'s two app processes on one
 * database, behind Debian's Varnish with the shipped deploy/varnish/claimline.vcl, the app
 * purging by surrogate key (CACHE_PURGE_URL). Readers share stored pages; an edit purges only
 * the pages that show what it changed; a signed-in view is never stored; an unpublished
 * article's API answer is gone from the cache at once.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 3210);
const APP_PORT = BASE_PORT + 3;
const CACHE_PORT = BASE_PORT + 4;
const SITE = `http://127.0.0.1:${CACHE_PORT}`;
/** The demo editor's name (db/seed/demo-article.ts), shown in the header of their pages. */
const EDITOR_NAME = "Demo Editor";

// Everyone, editors included, reaches the desk through the cache, as in production.
test.use({ baseURL: SITE });
test.describe.configure({ mode: "serial", timeout: 180_000 });

let database: OwnDatabase;
let app: OwnServer;
let cache: SharedCache;
let editor: APIRequestContext;

/** Articles this spec publishes besides the demo one (A): B stays untouched by A's edits; C is unpublished. */
interface Published {
  id: number;
  slug: string;
  claimId: number;
  version: number;
}
let b: Published;
let c: Published;
let demoClaimId: number;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  database = temporaryDatabase("shared-cache");
  app = await startServer(
    database,
    APP_PORT,
    { CACHE_PURGE_URL: `${SITE}/.claimline/purge`, BETTER_AUTH_URL: SITE, TRUSTED_PROXIES: "127.0.0.1,::1" },
    { processes: 2 },
  );
  cache = await startVarnish(CACHE_PORT, APP_PORT);

  editor = await playwright.request.newContext({ baseURL: SITE, extraHTTPHeaders: { origin: SITE } });
  const signedIn = await editor.post("/api/auth/sign-in/email", { data: { email: DEMO_EDITOR.email, password: DEMO_EDITOR.password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  b = await publish(unique("Shared cache B"));
  const mark = cache.banMark();
  c = await publish(unique("Shared cache C"));
  // Publishing purges the list pages; let the last purge land before readers start counting hits.
  await cache.waitForBan(`claim-${c.claimId}`, mark);
  const demo = (await (await fetch(`${app.baseURL}/api/v1/articles/${DEMO_SLUG}`)).json()) as { claims: { claimId: number }[] };
  demoClaimId = demo.claims[0]!.claimId;
});

test.afterAll(async () => {
  if (app) fs.writeFileSync(path.join("test-results", "shared-cache-app.log"), app.output());
  if (cache) fs.writeFileSync(path.join("test-results", "shared-cache-varnish.log"), cache.output());
  await editor?.dispose();
  await cache?.stop();
  await app?.kill("SIGTERM");
  database?.remove();
});

/** A published article with one claim, made through the editors' JSON API. */
async function publish(title: string): Promise<Published> {
  const sentence = `${title} says the harbour holds ${Math.floor(Math.random() * 900) + 100} boats.`;
  const created = await editor.post("/api/v1/articles", { data: { title, bodyFormat: "markdown", body: sentence, status: "published" } });
  expect(created.status(), await created.text()).toBe(201);
  const article = (await created.json()) as { id: number; slug: string; version: number };
  const claim = await editor.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: sentence.replace(/\.$/, ""), statement: `${title}: the harbour's boats`, kind: "fact" } });
  expect(claim.status(), await claim.text()).toBe(201);
  return { id: article.id, slug: article.slug, version: article.version, claimId: ((await claim.json()) as { claimId: number }).claimId };
}

interface Answer {
  status: number;
  cache: string | undefined;
  /** The tags Varnish bans by. */
  surrogateKey: string | undefined;
  body: string;
}

/** An anonymous reader's GET through Varnish: no cookie, no Accept-Language, a connection of its own. */
function read(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${SITE}${url}`, { agent: false, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({
            status: response.statusCode ?? 0,
            cache: response.headers["x-cache"] as string | undefined,
            surrogateKey: response.headers["surrogate-key"] as string | undefined,
            body,
          }));
      })
      .on("error", reject);
  });
}

/** A GET that reports where a redirect leads. */
function readWithLocation(url: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${SITE}${url}`, { agent: false, headers }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      })
      .on("error", reject);
  });
}

function pages() {
  return { articleA: `/articles/${DEMO_SLUG}`, claimA: `/claims/${demoClaimId}`, articleB: `/articles/${b.slug}`, tracker: "/" };
}

test("a reader's second view of a page is a Varnish hit of the same page", async () => {
  for (const [name, url] of Object.entries(pages())) {
    const first = await read(url);
    const second = await read(url);
    expect([first.status, first.cache, second.status, second.cache], name).toEqual([200, "MISS", 200, "HIT"]);
    expect(second.body, name).toBe(first.body);
  }
});

test("a visitor who prefers Chinese gets the app's redirect to the Chinese page, not the stored English one", async () => {
  const url = pages().articleA;
  expect((await read(url)).cache).toBe("HIT");
  for (const preference of [{ "accept-language": "zh-CN,zh;q=0.9" }, { cookie: "claimline-lang=zh-Hans" }]) {
    const answer = await readWithLocation(url, preference);
    expect(answer.status, JSON.stringify(preference)).toBe(307);
    expect(answer.location, JSON.stringify(preference)).toContain(`${url}?lang=zh-Hans`);
  }
  // The Chinese page itself is one page for every reader: stored and shared.
  const chinese = `${url}?lang=zh-Hans`;
  await read(chinese, { "accept-language": "zh-CN" });
  expect((await read(chinese)).cache).toBe("HIT");
});

test("an event recorded on a claim of article A purges A, its claim and the tracker, and leaves B stored", async () => {
  for (const url of Object.values(pages())) expect((await read(url)).cache, url).toBe("HIT");
  const rationale = unique("Recorded behind Varnish");
  const mark = cache.banMark();
  const recorded = await editor.post(`/api/v1/claims/${demoClaimId}/events`, {
    data: { statusKey: "misleading", effectiveDate: new Date().toISOString().slice(0, 10), rationale },
  });
  expect(recorded.status(), await recorded.text()).toBe(201);
  await cache.waitForBan(`claim-${demoClaimId}`, mark);

  const after = Object.fromEntries(await Promise.all(Object.entries(pages()).map(async ([name, url]) => [name, await read(url)] as const)));
  expect(Object.fromEntries(Object.entries(after).map(([name, answer]) => [name, answer.cache]))).toEqual({ articleA: "MISS", claimA: "MISS", articleB: "HIT", tracker: "MISS" });
  expect(after.articleA!.body).toContain(rationale);
  expect(after.claimA!.body).toContain(rationale);
  // The tracker lists the claim under its new status.
  const misleading = await read("/?status=misleading");
  expect(misleading.body).toContain(`/claims/${demoClaimId}`);
  // And the new copies are stored again for the next reader.
  expect((await read(pages().articleA)).cache).toBe("HIT");
});

test("a signed-in view is never stored, and the next reader does not get the editor's page", async () => {
  const url = `/claims/${b.claimId}`;
  const views = [await editor.get(url), await editor.get(url)];
  for (const view of views) {
    expect(view.status()).toBe(200);
    expect(view.headers()["x-cache"]).not.toBe("HIT");
    // What makes it the editor's page: their name and the way into the editor.
    const text = await view.text();
    expect(text).toContain(`href="/editor"`);
    expect(text).toContain(EDITOR_NAME);
  }
  const anonymous = await read(url);
  expect(anonymous.status).toBe(200);
  // The first anonymous view is the first to be stored: nothing of the editor's was kept.
  expect(anonymous.cache).toBe("MISS");
  expect(anonymous.body).not.toContain(`href="/editor"`);
  expect(anonymous.body).not.toContain(EDITOR_NAME);
  expect((await read(url)).cache).toBe("HIT");
});

test("a public API read is stored, and purged when its article is unpublished: Varnish then answers 404", async ({ page }) => {
  const api = `/api/v1/articles/${c.slug}`;
  const first = await read(api);
  const second = await read(api);
  expect([first.status, first.cache, second.status, second.cache]).toEqual([200, "MISS", 200, "HIT"]);
  expect(JSON.parse(second.body)).toMatchObject({ slug: c.slug });
  // What the purge will name: without it, the stored answer would outlive the article.
  expect(second.surrogateKey?.split(" ")).toContain(`article-${c.id}`);
  await read(`/articles/${c.slug}`);
  expect((await read(`/articles/${c.slug}`)).cache).toBe("HIT");

  await signIn(page, undefined, `/editor/articles/${c.id}`);
  const mark = cache.banMark();
  await page.getByTestId("publish-bar").getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished: readers can no longer see this article.")).toBeVisible();
  await cache.waitForBan(`article-${c.id}`, mark);

  const gone = await read(api);
  expect([gone.status, gone.cache]).toEqual([404, "MISS"]);
  expect((await read(api)).status).toBe(404);
  expect((await read(`/articles/${c.slug}`)).status).toBe(404);
});
