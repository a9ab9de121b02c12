import { expect, type Page, test } from "@playwright/test";
import { selectWords } from "./body-selection";
import { cutFields } from "./field-fit";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

/** A WeChat article exported to Markdown: a heading, an image, bold, and paragraphs hard-wrapped mid-sentence. */
const WECHAT_EXPORT = [
  "# OpenAI 计划发布首个开源模型",
  "",
  "![](https://mmbiz.qpic.cn/mmbiz_png/demo/640?wx_fmt=png)",
  "",
  "据 The Information 报道，OpenAI 正准备向公众发布一款新的开源语言模型，",
  "但目前尚不清楚具体的发布时间。",
  "",
  "**知情人士称，OpenAI 目前估值约为270亿美元。**",
  "",
  "作为对比，GPT-3 拥有1750亿个参数，",
  "是 GPT-2 的100多倍。",
].join("\n");

function claimItem(page: Page, statement: string) {
  return page.getByRole("list", { name: "Claims in this article" }).locator("[data-claim-item]").filter({ hasText: statement });
}

test("a pasted WeChat Markdown export is read as Chinese Markdown; its claims take the article's date; a status is recorded in place", async ({ page }) => {
  const title = unique("微信导出 WeChat export");
  const statement = unique("OpenAI is preparing an open-source model");
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Published date").fill("2023-05-16");
  await page.getByLabel("State").selectOption("published");
  await expect(page.getByLabel("Body format")).toHaveValue("plain");
  await page.getByLabel("Body", { exact: true }).fill(WECHAT_EXPORT);
  // Detected, shown, and preselected; still a select the editor can change.
  await expect(page.getByTestId("detected-format")).toHaveText(/Detected: Markdown/);
  await expect(page.getByLabel("Body format")).toHaveValue("markdown");
  await expect(page.getByLabel("Language")).toHaveValue("zh-Hans");
  const languages = await page.getByLabel("Language").locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(languages.slice(0, 3)).toEqual(["zh-Hans", "zh-Hant", "en"]);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  const body = page.getByTestId("article-body");
  await expect(body.getByRole("heading", { name: "OpenAI 计划发布首个开源模型" })).toBeVisible();
  await expect(body.locator("strong")).toContainText("估值约为270亿美元");
  await expect(body).toHaveAttribute("lang", "zh-Hans");

  // The new claim's date starts as the article's.
  await selectWords(page, "OpenAI 正准备向公众发布一款新的开源语言模型");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByLabel("Claim date")).toHaveValue("2023-05-16");
  await page.getByLabel("Statement").fill(statement);
  await page.getByRole("button", { name: "Save claim" }).click();
  const claim = claimItem(page, statement);
  await expect(claim.getByRole("link", { name: "Timeline" })).toHaveAttribute("href", /\/editor\/claims\/[1-9]\d*$/);

  // "Record status" opens the status form under the claim; a month is a precision it takes.
  const record = claim.getByRole("button", { name: /^Record status for/ });
  await expect(record).toHaveAttribute("aria-expanded", "false");
  await record.click();
  await expect(record).toHaveAttribute("aria-expanded", "true");
  const panel = claim.getByRole("region", { name: /^Record a status for/ });
  await panel.getByLabel("Status", { exact: true }).selectOption("pending");
  await panel.getByLabel("Precision").selectOption("month");
  await panel.getByLabel("Effective date").fill("2023-05");
  await panel.getByLabel("Rationale (public)").fill("A plan: to be checked when the model is out.");
  await panel.getByRole("button", { name: "Record status" }).click();
  await expect(panel.getByRole("status")).toHaveText("Status recorded.");
  await expect(claim.locator(".status-badge")).toContainText("Pending");
  await expect(panel.getByLabel("Rationale (public)")).toHaveValue("");
  await expect(claim.getByRole("link", { name: "Timeline" })).toBeVisible();
  const claimPath = (await claim.getByRole("link", { name: "Timeline" }).getAttribute("href"))!.replace("/editor", "");

  // Readers see when the claim was made, on its page and in the tracker, and the event's month.
  await page.goto(claimPath);
  await expect(page.getByText("Claimed on")).toBeVisible();
  await expect(page.locator("main")).toContainText("16 May 2023");
  await expect(page.getByRole("list", { name: "Verification timeline" })).toContainText("May 2023");
  await page.goto(`/?q=${encodeURIComponent(statement)}`);
  await expect(page.getByRole("listitem").filter({ hasText: statement })).toContainText("claimed 16 May 2023");
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px the claim's edit form and the status form show every value uncut`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page);
    const demo = (await (await page.request.get(`/api/v1/articles/${DEMO_SLUG}`)).json()) as { id: number };
    await page.goto(`/editor/articles/${demo.id}`);
    const valuation = claimItem(page, "OpenAI is valued at about $27 billion");
    await valuation.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(valuation.getByLabel("Value", { exact: true })).toHaveValue("27000000000");
    await expect(valuation.getByLabel("Qualifier", { exact: true })).toBeVisible();
    expect(await cutFields(valuation)).toEqual([]);
    await valuation.getByRole("button", { name: "Cancel" }).click();

    await valuation.getByRole("button", { name: /^Record status for/ }).click();
    const panel = valuation.getByRole("region", { name: /^Record a status for/ });
    await panel.getByLabel("Status", { exact: true }).selectOption("outdated");
    await panel.getByLabel("Effective date").fill("2024-10-02");
    await panel.getByLabel("Source 1 URL").fill("https://openai.com/index/scale-the-benefits-of-ai/?utm_source=claimline-desk-review");
    await panel.getByLabel("Rationale (public)").fill("OpenAI's October 2024 funding round valued it at $157 billion, well above the $27 billion of 2023.");
    expect(await cutFields(panel)).toEqual([]);
  });
}
