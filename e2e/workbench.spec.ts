import { expect, test } from "@playwright/test";
import { highlightedQuotes, selectWords, selectWordsWithKeyboard } from "./body-selection";
import { signIn, unique } from "./fixtures";

const PARAGRAPHS = [
  "# OpenAI 计划发布开源模型",
  "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款**新的开源语言模型**，详见[路透社的报道](https://www.reuters.com/technology/)。",
  "![OpenAI 标志](http://127.0.0.1:3210/icon.svg)",
  "报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。",
  "作为对比，GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍。",
  "一位接近 OpenAI 的人士表示，公司不太可能开源其最先进的模型。",
];

test("an editor splits a pasted Chinese Markdown article into claims that follow their words through edits", async ({ page }) => {
  const title = unique("开源模型工作台");
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body format").selectOption("markdown");
  await page.getByLabel("Body", { exact: true }).fill(PARAGRAPHS.join("\n\n"));
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);

  // Markdown survives as structure: heading, bold, link, image.
  const body = page.getByTestId("article-body");
  await expect(body.getByRole("heading", { name: "OpenAI 计划发布开源模型" })).toBeVisible();
  await expect(body.locator("strong")).toHaveText("新的开源语言模型");
  await expect(body.getByRole("link", { name: "路透社的报道" })).toHaveAttribute("href", "https://www.reuters.com/technology/");
  await expect(body.getByRole("img", { name: "OpenAI 标志" })).toBeVisible();
  await expect(body).toHaveAttribute("lang", "zh-Hans");

  // Suggestions, with the reasons they were picked.
  await page.getByRole("button", { name: "Suggest claims" }).click();
  const suggestions = page.getByRole("list", { name: "Suggested claims" });
  const valuation = suggestions.getByRole("listitem").filter({ hasText: "270亿美元" }).first();
  await expect(valuation.locator('[data-reason="figure"]')).toContainText("270亿美元");
  const parameters = suggestions.getByRole("listitem").filter({ hasText: "1750亿个参数" }).first();
  await expect(parameters.locator("[data-reason]").first()).toBeVisible();

  await valuation.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("list", { name: "Claims in this article" }).getByRole("listitem")).toHaveCount(1);
  await parameters.getByRole("button", { name: "Accept" }).click();
  const claimList = page.getByRole("list", { name: "Claims in this article" });
  await expect(claimList.locator("[data-claim-item]")).toHaveCount(2);

  // A third claim from a keyboard selection.
  await selectWordsWithKeyboard(page, "公司不太可能开源其最先进的模型");
  await expect(page.getByTestId("selection-quote")).toHaveText("“公司不太可能开源其最先进的模型”");
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByLabel("Statement").fill("OpenAI is unlikely to open-source its most advanced model");
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(claimList.locator("[data-claim-item]")).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "Claim added." })).toBeVisible();

  // Wait for the server's version (real ids) before reading the anchors.
  await expect.poll(async () => Object.keys(await highlightedQuotes(page)).filter((id) => Number(id) > 0).length).toBe(3);
  const before = await highlightedQuotes(page);
  expect(Object.values(before).sort()).toEqual(
    ["报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。", "作为对比，GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍。", "公司不太可能开源其最先进的模型"].sort(),
  );

  // Insert a paragraph above them: every claim stays on the same words.
  const editBody = async (markdown: string) => {
    await page.getByText("Edit article details and body").click();
    await page.getByLabel("Body", { exact: true }).fill(markdown);
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Article saved." })).toBeVisible();
  };
  await editBody(["新增的导语：这是编辑后插入的一段话。", ...PARAGRAPHS].join("\n\n"));
  await expect(body).toContainText("新增的导语");
  await expect.poll(() => highlightedQuotes(page)).toEqual(before);
  await expect(claimList.getByTestId("orphaned")).toHaveCount(0);

  // Delete the sentence one claim quotes: it is flagged orphaned, not moved or dropped.
  await page.reload();
  await editBody(["新增的导语：这是编辑后插入的一段话。", ...PARAGRAPHS.filter((p) => !p.includes("1750亿"))].join("\n\n"));
  const orphan = claimList.locator("[data-claim-item]").filter({ has: page.getByTestId("orphaned") });
  await expect(orphan).toHaveCount(1);
  await expect(orphan.getByTestId("claim-quote")).toHaveText("“作为对比，GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍。”");
  await expect(claimList.locator("[data-claim-item]")).toHaveCount(3);
});

test("HTML pasted with scripts, event handlers and javascript: links is stored and rendered inert", async ({ page }) => {
  const title = unique("XSS paste");
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("State").selectOption("published");
  await page.getByLabel("Body format").selectOption("html");
  await page
    .getByLabel("Body", { exact: true })
    .fill(
      `<h2>标题</h2><p>正文<strong>加粗</strong><img src="x" onerror="window.__xss='img'"><script>window.__xss='script'</script>` +
        `<a href="javascript:window.__xss='link'">点我</a></p><p onclick="window.__xss='p'">第二段<svg onload="window.__xss='svg'"></svg></p>` +
        `<iframe src="javascript:parent.__xss='iframe'"></iframe><style>body{display:none}</style>`,
    );
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);

  for (const where of ["workbench", "reader"]) {
    if (where === "reader") await page.getByRole("link", { name: "Reader view" }).click();
    const body = page.getByTestId("article-body");
    await expect(body.locator("strong")).toHaveText("加粗");
    await expect(body.locator("script, iframe, svg, style, [onerror], [onclick], [onload]")).toHaveCount(0);
    await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
    await body.getByText("点我").click();
    await body.getByText("第二段").click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  }
  // The stored body itself holds no script either (the editor form shows it).
  await page.goBack();
  await page.getByText("Edit article details and body").click();
  const stored = await page.getByLabel("Body", { exact: true }).inputValue();
  expect(stored).not.toMatch(/script|onerror|onclick|onload|javascript:|iframe/i);
  expect(stored).toContain("<strong>加粗</strong>");
});

test("POST /api/v1/suggest ranks the sentence with 270亿美元 near the top, with its figure", async ({ request }) => {
  const text = "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型。报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。这家公司成立于旧金山。";
  const response = await request.post("/api/v1/suggest", { data: { text } });
  expect(response.status()).toBe(200);
  const { suggestions } = await response.json();
  const top = suggestions.slice(0, 2);
  const valuation = top.find((s: { text: string }) => s.text.includes("270亿美元"));
  expect(valuation).toBeDefined();
  expect(valuation.reasons.map((r: { kind: string }) => r.kind)).toContain("figure");
  expect(valuation.quantities).toContainEqual(expect.objectContaining({ value: 27_000_000_000, unit: "USD" }));
  expect(Array.from(text).slice(valuation.start, valuation.end).join("")).toBe(valuation.text);

  const invalid = await request.post("/api/v1/suggest", { data: { text: "" } });
  expect(invalid.status()).toBe(422);
});

test("a selection after astral characters and mixed scripts gets the same code point offsets in the browser and on the server", async ({ page }) => {
  const body = "😀𠀀 开头，mixed 文字。OpenAI 估值约为270亿美元（$27 billion）。👍 结尾。";
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(unique("Astral offsets"));
  await page.getByLabel("Body", { exact: true }).fill(body);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  const articleId = page.url().split("/").pop();

  const words = "OpenAI 估值约为270亿美元（$27 billion）";
  await selectWords(page, words);
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByLabel("Statement").fill("OpenAI is valued at $27 billion");
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect.poll(async () => Object.keys(await highlightedQuotes(page)).filter((id) => Number(id) > 0)).toHaveLength(1);

  const workbench = await (await page.request.get(`/api/v1/articles/${articleId}/workbench`)).json();
  const expectedStart = Array.from(body.slice(0, body.indexOf(words))).length;
  expect(workbench.claims[0]).toMatchObject({ exact: words, start: expectedStart, end: expectedStart + Array.from(words).length });
  await page.reload();
  expect(Object.values(await highlightedQuotes(page))).toEqual([words]);
});
