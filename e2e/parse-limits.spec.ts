import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

// Issue 14, item 5: HTML and Markdown too deeply nested to parse safely are refused with a
// clear 422 within a second, before any real parsing, and the server keeps answering readers
// meanwhile; what is parsed runs in a worker thread of the production build.

const nestedDivs = (depth: number) => `${"<div>".repeat(depth)}deep text${"</div>".repeat(depth)}`;

/** 25 KB: the page that held the whole server for 16 minutes before the fix. */
const DEEP_PAGE = `<!doctype html><html><head><title>Deep</title></head><body>${nestedDivs(5_000)}</body></html>`;

const REAL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget claim checked - Test Daily</title></head><body>
<article><h1>Budget claim checked</h1>
${Array.from({ length: 6 }, (_, i) => `<section><div><p>Paragraph ${i}: the minister said the deficit would be cut by half within two years, a claim the figures do not support.</p></div></section>`).join("\n")}
</article></body></html>`;

let pages: http.Server;
let pageOrigin: string;

test.beforeAll(async () => {
  pages = http.createServer((request, response) => {
    response.writeHead(request.url === "/deep" || request.url === "/real" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(request.url === "/deep" ? DEEP_PAGE : request.url === "/real" ? REAL_PAGE : "");
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

/** The server under test, addressed by IP. */
function serverOrigin(baseURL: string | undefined): string {
  const url = new URL(baseURL!);
  url.hostname = "127.0.0.1";
  return url.origin;
}

/** Runs `work` with a reader's page request made at the same time; both are timed. */
async function withReaderMeanwhile<T>(reader: APIRequestContext, work: () => Promise<T>) {
  const started = Date.now();
  const [result, readerAnswer] = await Promise.all([
    work().then((value) => ({ value, ms: Date.now() - started })),
    // A query the page cache has never seen, so the page is really rendered.
    reader.get(`/articles/${DEMO_SLUG}?meanwhile=${encodeURIComponent(unique("probe"))}`).then((response) => ({ status: response.status(), ms: Date.now() - started })),
  ]);
  return { result, readerAnswer };
}

async function editorToken(page: Page): Promise<string> {
  await signIn(page, undefined, "/editor/tokens");
  await page.getByLabel("Token name").fill(unique("Parse limits"));
  await page.getByRole("button", { name: "Create token" }).click();
  return (await page.getByTestId("new-token").textContent())!.trim();
}

// Generous margins for a loaded two-core CI machine: the refusals take milliseconds of work,
// the reader's page a few tens; before the fix the first took minutes and held the reader too.
const REFUSED_WITHIN_MS = 1_000;
const READER_WITHIN_MS = 2_000;

test("a deeply nested page imported through the form is refused within a second, and a reader is answered meanwhile", async ({ page, playwright, baseURL }) => {
  const reader = await playwright.request.newContext({ baseURL: serverOrigin(baseURL) });
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Page URL").fill(`${pageOrigin}/deep`);

  const { result, readerAnswer } = await withReaderMeanwhile(reader, async () => {
    const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/editor/articles/new"));
    await page.getByRole("button", { name: "Import article" }).click();
    return answered;
  });
  expect(result.ms).toBeLessThan(REFUSED_WITHIN_MS);
  await expect(page.getByText("This page nests its elements more than 200 levels deep; Claimline reads at most 200.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/editor\/articles\/new$/);
  expect(readerAnswer.status).toBe(200);
  expect(readerAnswer.ms).toBeLessThan(READER_WITHIN_MS);

  // A real page still imports: Readability runs in the worker of the production build.
  await page.getByLabel("Page URL").fill(`${pageOrigin}/real`);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByTestId("article-body")).toContainText("Paragraph 5: the minister said");
});

test("deeply nested Markdown and HTML bodies posted to the API get a clear 422 within a second, and a reader is answered meanwhile", async ({ page, playwright, baseURL }) => {
  const token = await editorToken(page);
  const api = await playwright.request.newContext({ baseURL: serverOrigin(baseURL), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const reader = await playwright.request.newContext({ baseURL: serverOrigin(baseURL) });

  const hostile = [
    { bodyFormat: "markdown", body: `${">".repeat(100_000)} deep`, message: "This body nests quotes or lists more than 50 levels deep; Claimline reads Markdown nested at most 50 deep." },
    // The finding's 1 MB body: 200,000 <div>s, never closed.
    { bodyFormat: "html", body: "<div>".repeat(200_000), message: "This body nests its elements more than 200 levels deep; Claimline reads at most 200." },
  ];
  for (const { bodyFormat, body, message } of hostile) {
    const { result, readerAnswer } = await withReaderMeanwhile(reader, () =>
      api.post("/api/v1/articles", { data: { title: unique(`Deep ${bodyFormat}`), language: "en", bodyFormat, body } }),
    );
    expect(result.value.status(), bodyFormat).toBe(422);
    expect((await result.value.json()).message).toContain(message);
    expect(result.ms, bodyFormat).toBeLessThan(REFUSED_WITHIN_MS);
    expect(readerAnswer.status).toBe(200);
    expect(readerAnswer.ms, `reader during the ${bodyFormat} post`).toBeLessThan(READER_WITHIN_MS);
  }

  // Bodies within the limits are parsed in the worker and saved as before.
  for (const [bodyFormat, body] of [
    ["markdown", "> A quote\n> - with *a list* inside\n\nThe **deficit** claim."],
    ["html", `<section>${"<div>".repeat(40)}<p>Forty levels in, <strong>still read</strong>.</p>${"</div>".repeat(40)}</section>`],
  ]) {
    const created = await api.post("/api/v1/articles", { data: { title: unique(`Legal ${bodyFormat}`), language: "en", bodyFormat, body } });
    expect(created.status(), bodyFormat).toBe(201);
    const { bodyText } = await created.json();
    expect(bodyText).toMatch(bodyFormat === "html" ? /Forty levels in, still read\./ : /The deficit claim\./);
  }
});
