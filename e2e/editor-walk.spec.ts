import { expect, test } from "@playwright/test";
import { selectWords } from "./body-selection";
import { signIn, unique } from "./fixtures";

test("an editor creates an article, quotes a claim, records a status with a source; readers see it", async ({ page }) => {
  const title = unique("Walking skeleton 开源模型");
  const statement = unique("OpenAI released open-weight models");
  const sourceTitle = unique("Introducing gpt-oss");

  await signIn(page);
  await page.getByRole("link", { name: "New article" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Outlet").fill("E2E Desk");
  await page.getByLabel("Language").selectOption("zh-Hans");
  await page.getByLabel("State").selectOption("published");
  await page.getByLabel("Body", { exact: true }).fill("2025年8月5日，OpenAI 发布了两款开放权重的语言模型 gpt-oss-120b 和 gpt-oss-20b。\n\n这是该公司自 GPT-2 以来首次公开模型权重。");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await selectWords(page, "OpenAI 发布了两款开放权重的语言模型");
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByLabel("Statement").fill(statement);
  await page.getByLabel("Claimant").fill("Sam Altman");
  await page.getByLabel("Person or organisation").selectOption("person");
  await page.getByRole("button", { name: "Save claim" }).click();
  const claim = page.getByRole("list", { name: "Claims in this article" }).locator("[data-claim-item]").filter({ hasText: statement });
  await expect(claim).toHaveCount(1);
  // The optimistic entry is replaced by the saved claim, whose timeline link has a real id.
  await expect(claim.getByRole("link", { name: "Timeline" })).toHaveAttribute("href", /\/editor\/claims\/[1-9]\d*$/);
  await claim.getByRole("link", { name: "Timeline" }).click();

  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("true");
  await page.getByLabel("Effective date").fill("2025-08-05");
  await page.getByLabel("Rationale (public)").fill("Both models are on the OpenAI site under Apache 2.0.");
  await page.getByLabel("Internal note (editors only)").fill("Double-checked the licence file.");
  await page.getByLabel("Source 1 URL").fill("https://openai.com/index/introducing-gpt-oss/");
  await page.getByLabel("Source 1 title").fill(sourceTitle);
  await page.getByLabel("Source 1 publisher").fill("OpenAI");
  await page.getByRole("button", { name: "Record status" }).click();
  await expect(page.getByRole("status")).toHaveText("Status recorded.");
  const claimUrl = page.url().replace("/editor/claims/", "/claims/");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto(claimUrl);
  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
  await expect(page.getByTestId("current-status")).toHaveText(/True/);
  const timeline = page.getByRole("list", { name: "Verification timeline" });
  await expect(timeline).toContainText("5 Aug 2025");
  await expect(timeline).toContainText("Both models are on the OpenAI site under Apache 2.0.");
  await expect(timeline.getByRole("link", { name: sourceTitle })).toHaveAttribute("href", "https://openai.com/index/introducing-gpt-oss/");
  await expect(page.getByText("Double-checked the licence file.")).toHaveCount(0);
  // The claimant's type reaches the structured data search engines read.
  const review = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: "Sam Altman" });
  // The claim's appearance links back to the article, whose page highlights the words.
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("article-body").locator("mark.mention", { hasText: "OpenAI 发布了两款开放权重的语言模型" })).toBeVisible();
});
