import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO_EDITOR, DEMO_SLUG } from "./fixtures";
import { type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

// The parse time limit in the production build: with PARSE_TIME_LIMIT_SECONDS set far below
// what a long (legal) body takes, the worker parsing it is terminated and the editor gets a
// clear 422, and the server keeps answering readers. (That a later body gets a fresh worker
// is a unit test: under a 50 ms limit even a fresh worker's start is too slow.)
// A server of its own, for the setting. Ports 3310-3319 are this spec's to use.
const PORT = Number(process.env.E2E_PARSE_PORT || 3313);
const origin = `http://127.0.0.1:${PORT}`;
test.describe.configure({ timeout: 120_000 });

/** About 1.6 MB of ordinary paragraphs: seconds of sanitizing and parsing, far past 50 ms. */
const LONG_HTML = Array.from({ length: 18_000 }, (_, i) => `<p>Paragraph ${i} <b>with</b> <i>marks</i> and <a href="https://example.com/${i}">a link</a>.</p>`).join("");

let database: OwnDatabase;
let server: OwnServer;
let pages: http.Server;
let pageOrigin: string;

test.beforeAll(async () => {
  database = temporaryDatabase("parse-limit");
  database.env.PARSE_TIME_LIMIT_SECONDS = "0.05";
  database.env.INTAKE_ALLOW_PRIVATE_ADDRESSES = "1";
  server = await startServer(database, PORT);
  pages = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><title>Long</title></head><body><article>${LONG_HTML}</article></body></html>`);
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.kill("SIGTERM");
  database?.remove();
  await new Promise<void>((resolve) => (pages ? pages.close(() => resolve()) : resolve()));
});

test("a body or page that takes longer than PARSE_TIME_LIMIT_SECONDS is stopped with a clear 422, and the server goes on", async ({ page, playwright }) => {
  const editor = await playwright.request.newContext({ baseURL: origin });
  expect((await editor.post("/api/auth/sign-in/email", { data: DEMO_EDITOR })).ok()).toBe(true);

  const reader = await playwright.request.newContext({ baseURL: origin });
  const [stopped, readerPage] = await Promise.all([
    editor.post("/api/v1/articles", { data: { title: "Long", language: "en", bodyFormat: "html", body: LONG_HTML } }),
    reader.get(`/articles/${DEMO_SLUG}?meanwhile=1`),
  ]);
  expect(stopped.status()).toBe(422);
  expect((await stopped.json()).message).toBe(
    "Claimline stopped reading this body after 0.05 seconds. Simplify its markup or paste it as plain text; if the server is busy, try again in a minute.",
  );
  expect(readerPage.status()).toBe(200);

  // The import form says so under the address.
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent("/editor/articles/new")}`);
  await page.getByLabel("Email").fill(DEMO_EDITOR.email);
  await page.getByLabel("Password").fill(DEMO_EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/new$/);
  await page.getByLabel("Page URL").fill(`${pageOrigin}/long`);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText(`Claimline stopped reading the page from ${new URL(pageOrigin).host} after 50 ms`).first()).toBeVisible();

  // The server goes on: readers are answered, and the stopped workers were terminated without a crash.
  expect((await reader.get(`/articles/${DEMO_SLUG}?after=1`)).status()).toBe(200);
  expect(server.output()).not.toMatch(/Error|uncaught/i);
});
