import { expect, test } from "@playwright/test";
import { selectWords } from "./body-selection";
import { signIn, unique } from "./fixtures";

/**
 * Issue 16: an editor whose browser prefers Chinese works at the desk in Chinese (the desk,
 * a new article, the workbench, adding a claim, recording a status and the confirmations),
 * and the header's switch brings the same pages back in English.
 */
test("an editor whose browser sends Accept-Language zh-CN works at the desk and the workbench in Chinese, then switches to English", async ({ browser, page: englishPage }) => {
  // Signed in through the usual form, then the same session in a browser set to Chinese
  // (Chromium then sends Accept-Language: zh-CN).
  await signIn(englishPage);
  const chinese = await browser.newContext({ locale: "zh-CN", storageState: await englishPage.context().storageState() });
  const page = await chinese.newPage();

  // The desk: redirected to its Chinese URL, Chinese headings and navigation.
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor\?lang=zh-Hans$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: "我的编辑部" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^待我审核（\d+）$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^分派给我（\d+）$/ })).toBeVisible();
  const deskNav = page.getByRole("navigation", { name: "编辑部" });
  await expect(deskNav.getByRole("link", { name: "复查队列" })).toHaveAttribute("href", "/editor/queue?lang=zh-Hans");
  await expect(page.getByRole("columnheader", { name: "标题" })).toBeVisible();
  await expect(page).toHaveTitle(/^编辑部 · /);

  // A new article, through the Chinese form; the redirect to its workbench keeps the language.
  await page.getByRole("link", { name: "新建文章" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/new\?lang=zh-Hans$/);
  await expect(page.getByRole("heading", { level: 1, name: "新建文章" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "从网址导入" })).toBeVisible();
  const title = unique("中文界面测试");
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("正文", { exact: true }).fill("据报道，该公司去年营收增长了百分之三十。\n\n另一段文字。");
  await expect(page.getByLabel("语言")).toHaveValue("zh-Hans");
  await page.getByRole("button", { name: "创建文章" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+\?lang=zh-Hans$/);

  // The workbench in Chinese.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "文章状态" })).toBeVisible();
  await expect(page.getByTestId("article-state")).toHaveText("草稿");
  await expect(page.getByRole("button", { name: "发布", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "预览" })).toHaveAttribute("href", /\/preview\?lang=zh-Hans$/);
  await expect(page.getByRole("button", { name: "建议说法" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "文章正文（只读）。选中文字后，可将其添加为说法。" })).toBeVisible();
  await expect(page.getByText("编辑文章信息和正文")).toBeVisible();

  // Adding a claim: Chinese labels, Chinese confirmation.
  await selectWords(page, "该公司去年营收增长了百分之三十");
  await page.getByRole("button", { name: "添加说法" }).click();
  await expect(page.getByLabel("提出者")).toBeVisible();
  await expect(page.getByLabel("类型")).toBeVisible();
  const statement = unique("该公司去年营收增长百分之三十");
  await page.getByLabel("陈述").fill(statement);
  await page.getByRole("button", { name: "保存说法" }).click();
  await expect(page.getByRole("status").filter({ hasText: "说法已添加。" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "说法（1）" })).toBeVisible();
  const claim = page.getByRole("list", { name: "本文的说法" }).locator("[data-claim-item]").filter({ hasText: statement });
  await expect(claim.getByRole("link", { name: "时间线" })).toHaveAttribute("href", /\/editor\/claims\/[1-9]\d*\?lang=zh-Hans$/);

  // Recording a status in place: Chinese form, Chinese confirmation; statuses keep both labels.
  await claim.getByRole("button", { name: `为“${statement}”记录状态` }).click();
  const panel = claim.getByRole("region", { name: `为“${statement}”记录状态` });
  const status = panel.getByLabel("状态", { exact: true });
  await expect(status.locator("option", { hasText: "Pending · 待验证" })).toHaveCount(1);
  await status.selectOption("pending");
  await expect(panel.getByLabel("精度")).toHaveValue("day");
  await panel.getByLabel("生效日期").fill("2024-03-01");
  await panel.getByLabel("理由（公开）").fill("公司尚未公布年报。");
  await expect(panel.getByLabel("来源 1 网址")).toBeVisible();
  await panel.getByRole("button", { name: "记录状态", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("状态已记录。");
  await expect(claim.locator(".status-badge")).toContainText("待验证");

  // The header's switch: the same workbench in English, remembered for pages without `lang`.
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Article state" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Claims (1)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Suggest claims" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Claims in this article" }).getByRole("button", { name: `Record status for “${statement}”` })).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Re-check queue" })).toHaveAttribute("href", "/editor/queue");
  await chinese.close();
});
