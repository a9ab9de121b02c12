import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

const ARTICLE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>OpenAI 计划发布开源模型 - 测试日报</title>
<meta property="og:site_name" content="测试日报"><meta property="article:published_time" content="2023-05-16T08:00:00Z">
<script>window.__imported = true</script></head><body>
<nav><a href="/">首页</a> <a href="/tech">科技</a></nav>
<article><h1>OpenAI 计划发布开源模型</h1>
<p>据路透社援引知情人士报道，OpenAI 正准备向公众发布一款<strong>新的开源语言模型</strong>。这将是该公司自 2019 年以来首次公开模型权重，引发业界广泛关注。</p>
<p>报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。分析人士认为，开源模型将帮助 OpenAI 与 Meta 等公司竞争开发者社区。</p>
<p><img src="/images/logo.png" alt="标志" onerror="window.__xss = 1"></p>
<p>作为对比，GPT-3 拥有1750亿个参数，而 Meta 今年早些时候发布的 LLaMA 最大版本为650亿个参数。业内人士认为，这款开源模型很可能就是 InstructGPT。</p>
</article><footer>版权所有</footer></body></html>`;

let server: http.Server;
let origin: string;

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/article") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(ARTICLE_PAGE);
    } else if (request.url === "/report.pdf") {
      response.writeHead(200, { "content-type": "application/pdf" });
      response.end("%PDF-1.4 not really");
    } else if (request.url === "/huge") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(`<html><body><p>${"很长的文章。".repeat(1_100_000)}</p></body></html>`);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("imports an article from a URL, keeping its structure and metadata, and nothing executable", async ({ page }) => {
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Page URL").fill(`${origin}/article`);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("OpenAI 计划发布开源模型");
  const body = page.getByTestId("article-body");
  await expect(body).toContainText("OpenAI 目前估值约为270亿美元");
  await expect(body.locator("strong")).toHaveText("新的开源语言模型");
  await expect(body.getByRole("img", { name: "标志" })).toHaveAttribute("src", `${origin}/images/logo.png`);
  await expect(body).not.toContainText("首页");
  await expect(body).toHaveAttribute("lang", /^zh/);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await page.getByText("Edit article details and body").click();
  await expect(page.getByLabel("Outlet")).toHaveValue("测试日报");
  await expect(page.getByLabel("Published date")).toHaveValue("2023-05-16");
  await expect(page.getByLabel("Source URL")).toHaveValue(`${origin}/article`);
  await expect(page.getByLabel("State", { exact: true })).toHaveValue("draft");
});

test("refuses a page that is not HTML or is too large, with a clear message and nothing saved", async ({ page }) => {
  await signIn(page, undefined, "/editor/articles/new");
  for (const [path, message] of [
    ["/report.pdf", /not a web page/i],
    ["/huge", /larger than 5 MB/i],
  ] as const) {
    await page.getByLabel("Page URL").fill(`${origin}${path}`);
    await page.getByRole("button", { name: "Import article" }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page).toHaveURL(/\/editor\/articles\/new$/);
  }
});
