import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type BackupFile, copyArticles } from "./big-backup";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./browser";
import { DEMO_SLUG } from "./fixtures";
import { startReverseProxy, type ReverseProxy } from "./nginx";
import { E2E_ADMIN, type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

// Claimline as a desk deploys it: behind nginx, on a host name of its own, with the proxy
// trusted for X-Forwarded-*. Cookie-authenticated writes (a backup restore, the JSON API from
// the signed-in page) must work there, and a cross-site request must still be refused.
const APP_PORT = Number(process.env.E2E_PROXY_APP_PORT || 3232);
const PROXY_PORT = Number(process.env.E2E_PROXY_PORT || 3233);
const HOST = "claimline.test";
const SITE = `http://${HOST}:${PROXY_PORT}`;

test.use({
  baseURL: SITE,
  // The browser resolves the desk's host name to the proxy, as DNS would.
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] },
});
test.describe.configure({ timeout: 120_000 });

/**
 * A request from the test itself to the proxy, for the desk's host name: Node does not resolve
 * claimline.test (only the browser maps it), so it connects to 127.0.0.1 and names the host.
 */
function viaProxy(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: PROXY_PORT, method, path: pathname, headers: { host: `${HOST}:${PROXY_PORT}`, ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

let database: OwnDatabase;
let server: OwnServer;
let proxy: ReverseProxy;

test.beforeAll(async () => {
  database = temporaryDatabase("proxy");
  server = await startServer(database, APP_PORT, { BETTER_AUTH_URL: SITE, TRUSTED_PROXIES: "127.0.0.1" });
  proxy = await startReverseProxy(PROXY_PORT, APP_PORT);
});

test.afterAll(async () => {
  await proxy?.stop();
  await server?.kill("SIGTERM");
  database?.remove();
});

test("behind nginx on another host name, an admin restores a backup and writes through the JSON API from the page", async ({ page }) => {
  // An editor page without a session sends the browser to sign-in on the host it used.
  await page.goto("/editor/backup");
  await expect(page).toHaveURL(`${SITE}/sign-in?next=${encodeURIComponent("/editor/backup")}`);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${SITE}/editor/backup`);

  // A restore through the page's own form: one copy of the demo article under a fresh slug.
  const exported = (await page.evaluate(async () => (await fetch("/editor/backup/download")).json())) as BackupFile;
  const copy = copyArticles(exported, 1, 1);
  const copiedSlug = String(copy.tables.article![0]!.slug);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimline-proxy-backup-")), "backup.json");
  fs.writeFileSync(file, JSON.stringify(copy));
  await page.getByLabel("Backup file").setInputFiles(file);
  await page.getByLabel("Restore into").selectOption("merge");
  await page.getByRole("button", { name: "Restore backup" }).click();
  await expect(page.locator("form").getByRole("status")).toHaveText("Backup restored.");
  expect((await viaProxy("GET", `/articles/${copiedSlug}`)).status).toBe(200);

  // The JSON API from the signed-in page: the browser sends its cookie and Origin http://claimline.test:PORT.
  const claims = JSON.parse((await viaProxy("GET", `/api/v1/claims?q=${encodeURIComponent("GPT-3 has 175 billion parameters")}`)).text);
  const claimId = claims.items[0].id as number;
  const rationale = `Recorded through the proxy ${Date.now()}`;
  const answer = await page.evaluate(
    async ({ claimId, rationale }) => {
      const response = await fetch(`/api/v1/claims/${claimId}/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ statusKey: "true", effectiveDate: "2024-06-01", rationale }),
      });
      return { status: response.status, body: await response.json() };
    },
    { claimId, rationale },
  );
  expect(answer).toMatchObject({ status: 201, body: { claimId } });
  await page.goto(`/claims/${claimId}`);
  await expect(page.getByText(rationale)).toBeVisible();

  // The same cookie from another site's page is refused, and nothing is written.
  const cookie = (await page.context().cookies(SITE)).map((c) => `${c.name}=${c.value}`).join("; ");
  const forged = JSON.stringify({ statusKey: "false", effectiveDate: "2024-06-02", rationale: "forged" });
  const crossSite = await viaProxy("POST", `/api/v1/claims/${claimId}/events`, { cookie, origin: "http://evil.test", "content-type": "application/json" }, forged);
  expect(crossSite.status).toBe(403);
  // The same request from the desk's own origin goes through: the refusal was the origin's doing.
  const sameSite = await viaProxy("POST", `/api/v1/claims/${claimId}/events`, { cookie, origin: SITE, "content-type": "application/json" }, forged.replace("forged", "from the desk"));
  expect(sameSite.status).toBe(201);
  await page.reload();
  await expect(page.getByText("forged")).toHaveCount(0);
});

test("absolute links in pages and feeds name the desk's public address, not the server's own", async () => {
  const page = (await viaProxy("GET", `/articles/${DEMO_SLUG}`)).text;
  const feed = (await viaProxy("GET", "/feeds/desk.atom")).text;
  expect(page).toContain(`<link rel="canonical" href="${SITE}/articles/${DEMO_SLUG}"`);
  expect(feed).toContain(`href="${SITE}/`);
  for (const text of [page, feed]) expect(text).not.toMatch(new RegExp(`(localhost|127\\.0\\.0\\.1):${APP_PORT}`));
});
