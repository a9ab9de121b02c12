import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { startServer, temporaryDatabase } from "./own-server";

const ASCII_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Letters no other test or run uses, after the Chinese words (the e2e database is shared). */
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const BODY = "2025年8月5日，长沙银行发布了开放模型。\n\n重庆银行行长表示将跟进。";

test("a Chinese-titled article gets a short pinyin slug, its events CSV downloads under its Chinese title, and a renamed article's old address redirects", async ({ page, request, baseURL }) => {
  const id = tag();
  const title = `长沙银行发布开放模型 ${id}`;
  await signIn(page);
  await page.getByRole("link", { name: "New article" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("zh-Hans");
  await page.getByLabel("State").selectOption("published");
  await page.getByLabel("Body", { exact: true }).fill(BODY);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  const editorUrl = page.url();

  // Words of one syllable run joined, words hyphenated: short, readable, ASCII.
  const slug = `changsha-yinhang-fabu-kaifang-moxing-${id}`;
  expect(slug).toMatch(ASCII_SLUG);
  expect(slug.length).toBeLessThanOrEqual(60);
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Through the page's export link (fetched, then saved under the server's name) …
  const fileName = `${title}-events.csv`;
  await page.getByTestId("exports").locator("summary").click();
  const [viaPage] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("exports").getByRole("link", { name: "CSV: every status event (full history)", exact: true }).click(),
  ]);
  expect(viaPage.suggestedFilename()).toBe(fileName);
  // … and as Chromium names a plain link's download from the Content-Disposition header itself.
  const [viaHeader] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate((href) => {
      const link = document.createElement("a");
      link.href = href;
      document.body.append(link);
      link.click();
    }, `/api/v1/articles/${slug}/events.csv`),
  ]);
  expect(viaHeader.suggestedFilename()).toBe(fileName);
  const disposition = (await request.get(`/api/v1/articles/${slug}/events.csv`)).headers()["content-disposition"];
  expect(disposition).toBe(`attachment; filename="${slug}-events.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`);

  // A new title, the slug field cleared: a new slug, and every address under the old one redirects.
  const newTitle = `重庆银行行长表示 ${id}`;
  const newSlug = `chongqing-yinhang-hangzhang-biaoshi-${id}`;
  await page.goto(editorUrl);
  await page.getByText("Edit article details and body").click();
  await page.getByLabel("Title").fill(newTitle);
  await page.getByLabel("Slug").fill("");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await page.reload();
  await page.getByText("Edit article details and body").click();
  await expect(page.getByLabel("Slug")).toHaveValue(newSlug);

  const moved: [from: string, to: string][] = [
    [`/articles/${slug}?asof=2030-01-01`, `/articles/${newSlug}?asof=2030-01-01`],
    [`/articles/${slug}/report`, `/articles/${newSlug}/report`],
    [`/articles/${slug}/report.pdf`, `/articles/${newSlug}/report.pdf`],
    [`/feeds/articles/${slug}`, `/feeds/articles/${newSlug}`],
    [`/api/v1/articles/${slug}`, `/api/v1/articles/${newSlug}`],
    [`/api/v1/articles/${slug}/events.csv?published=2030-01-01`, `/api/v1/articles/${newSlug}/events.csv?published=2030-01-01`],
  ];
  for (const [from, to] of moved) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    // On the host the browser used (127.0.0.1:port), whether the Location is written whole or relative.
    expect(new URL(response.headers().location!, `${baseURL}${from}`).href, from).toBe(`${baseURL}${to}`);
  }
  await page.goto(`/articles/${slug}`);
  await expect(page).toHaveURL(`${baseURL}/articles/${newSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
});

test("an article saved with a Chinese slug before pinyin slugs gets one when the server starts, and its old address redirects", async () => {
  // A server of its own: the pinyin step is a data migration, run at start (db/bootstrap.ts).
  const port = Number(process.env.E2E_PORT || 3210) + 1;
  const database = temporaryDatabase("pinyin-slugs");
  let server = await startServer(database, port);
  try {
    await server.kill("SIGTERM");
    // As the old slugify made it: the Chinese title, kept.
    const oldSlug = "开放模型发布-长沙银行";
    const sqlite = new Database(database.file);
    sqlite
      .prepare("insert into article (slug, title, language, body, status, published_date) values (?, ?, 'zh-Hans', ?, 'published', '2024-05-01')")
      .run(oldSlug, "开放模型发布：长沙银行", BODY);
    // As a database last run by a Claimline from before the step: it has not been recorded.
    sqlite.prepare("delete from data_migration where name = '0015_pinyin_slugs'").run();
    sqlite.close();

    server = await startServer(database, port);
    const from = `${server.baseURL}/articles/${encodeURIComponent(oldSlug)}`;
    const response = await fetch(from, { redirect: "manual" });
    expect(response.status).toBe(308);
    const location = new URL(response.headers.get("location")!, from);
    expect(location.href).toBe(`${server.baseURL}/articles/kaifang-moxing-fabu-changsha-yinhang`);
    const page = await fetch(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("开放模型发布：长沙银行");
  } finally {
    await server.kill("SIGTERM");
    database.remove();
  }
});
