import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { highlightedQuotes, selectWords } from "./body-selection";
import { signIn, unique } from "./fixtures";

/**
 * A WeChat article exported to Markdown as it often arrives: hard-wrapped at a fixed width,
 * so lines break inside figures ("270\n亿美元", "20，000\n小时") and after full-width commas.
 * The English paragraph's wrap must still read as a space.
 */
function wechatExport(marker: string) {
  return [
    `# 开源模型硬换行${marker}`,
    "",
    "据知情人士透露，OpenAI正准备向公众发布一款新的开源语言模型，公司目前估值约为270",
    "亿美元，微软是其最大的投资方。",
    "",
    "训练该模型用了大约20，000",
    "小时的人工反馈，参与标注的",
    "人员超过一千名。",
    "",
    "The company declined to comment on the",
    "report.",
  ].join("\n");
}

async function download(page: Page, label: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name: label, exact: true }).click()]);
  return fs.readFileSync((await file.path())!).toString("utf8");
}

/** Adds a claim on the selected words; `before` is how many claims the body already highlights. */
async function addClaimFromSelection(page: Page, words: string, statement: string, before: number) {
  // The body re-renders (dropping any selection) when a saved claim comes back from the server.
  await expect.poll(async () => Object.keys(await highlightedQuotes(page)).filter((id) => Number(id) > 0).length).toBe(before);
  await selectWords(page, words);
  await expect(page.getByTestId("selection-quote")).toHaveText(`“${words}”`);
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByLabel("Statement").fill(statement);
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("list", { name: "Claims in this article" }).locator("[data-claim-item]").filter({ hasText: statement })).toHaveCount(1);
}

test("a hard-wrapped Chinese Markdown body is stored, shown, searched and exported with its figures whole, and its claims stay anchored", async ({ page }) => {
  // An article, two claims, an edit, the reader page, two downloads and two searches: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const marker = unique("").trim();
  const title = `硬换行 CJK wrap ${marker}`;
  const valuation = `OpenAI is valued at $27 billion (wrap ${marker})`;
  const hours = `The model took 20,000 hours of human feedback (wrap ${marker})`;
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("State").selectOption("published");
  await page.getByLabel("Body", { exact: true }).fill(wechatExport(marker));
  await expect(page.getByLabel("Body format")).toHaveValue("markdown");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);

  const body = page.getByTestId("article-body");
  await expect(body).toContainText("公司目前估值约为270亿美元，微软是其最大的投资方。");
  await expect(body).toContainText("训练该模型用了大约20，000小时的人工反馈，参与标注的人员超过一千名。");
  await expect(body).toContainText("The company declined to comment on the report.");

  // Claims on words that straddled the wraps in the source.
  await addClaimFromSelection(page, "估值约为270亿美元", valuation, 0);
  await addClaimFromSelection(page, "大约20，000小时的人工反馈", hours, 1);
  await expect.poll(async () => Object.keys(await highlightedQuotes(page)).filter((id) => Number(id) > 0).length).toBe(2);
  const anchored = await highlightedQuotes(page);
  expect(Object.values(anchored).sort()).toEqual(["估值约为270亿美元", "大约20，000小时的人工反馈"].sort());

  // An edit above them (still hard-wrapped) moves the text; both claims keep their words.
  await page.getByText("Edit article details and body").click();
  await page.getByLabel("Body", { exact: true }).fill(wechatExport(marker).replace("\n\n", "\n\n编辑补充：本文发布后，\n公司回应了置评请求。\n\n"));
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Article saved." })).toBeVisible();
  await expect(body).toContainText("编辑补充：本文发布后，公司回应了置评请求。");
  await expect.poll(() => highlightedQuotes(page)).toEqual(anchored);
  await expect(page.getByRole("list", { name: "Claims in this article" }).getByTestId("orphaned")).toHaveCount(0);

  // The reader's page shows the figure whole and highlights the claim on it.
  await page.getByRole("link", { name: "Reader view" }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  const readerBody = page.getByTestId("article-body");
  await expect(readerBody).toContainText("270亿美元");
  await expect(readerBody).not.toContainText("270 亿美元");
  await expect(readerBody.locator("mark.mention", { hasText: "估值约为270亿美元" })).toBeVisible();

  // Exports carry the quotes as written in the article, without a space from the wrap.
  await page.getByTestId("exports").locator("summary").click();
  const markdown = await download(page, "Markdown");
  expect(markdown).toContain("估值约为270亿美元");
  expect(markdown).toContain("大约20，000小时的人工反馈");
  const claimsCsv = await download(page, "CSV: one row per claim");
  expect(claimsCsv).toContain("估值约为270亿美元");
  expect(claimsCsv).toContain("大约20，000小时的人工反馈");

  // The tracker finds the claims by the joined words.
  await page.goto(`/?q=${encodeURIComponent("270亿美元")}`);
  await expect(page.getByRole("listitem").filter({ hasText: valuation })).toBeVisible();
  await page.goto(`/?q=${encodeURIComponent("20，000小时")}`);
  await expect(page.getByRole("listitem").filter({ hasText: hours })).toBeVisible();
});
