import { expect, test } from "@playwright/test";

test.describe("the claim tracker", () => {
  test("finds claims by a two-character Chinese word and by an English word", async ({ page }) => {
    await page.goto("/");
    const items = page.getByTestId("tracker-item");
    await expect(items.first()).toBeVisible();
    const everything = await items.count();

    await page.getByRole("searchbox", { name: /Search claims/ }).fill("开源");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=%E5%BC%80%E6%BA%90/);
    await expect(items.filter({ hasText: "OpenAI plans to release an open-source language model" })).toHaveCount(1);
    await expect(items.filter({ hasText: "GPT-3 has 175 billion parameters" })).toHaveCount(0);
    expect(await items.count()).toBeLessThan(everything);

    await page.goto("/?q=parameters");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText("GPT-3 has 175 billion parameters");
    await expect(page.getByTestId("result-count")).toHaveText("1 claim matching “parameters”");
  });

  test("filters by status and kind with shareable URLs, and counts claims per status", async ({ page, browser }) => {
    await page.goto("/");
    const falseCount = page.getByTestId("status-counts").locator('[data-status-filter="false"]');
    await expect(falseCount).toContainText("1");
    await falseCount.click();
    await expect(page).toHaveURL(/\?status=false$/);
    const items = page.getByTestId("tracker-item");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText("OpenAI's open-source model will be InstructGPT");

    // The same URL in a fresh browser shows the same result.
    const other = await (await browser.newContext()).newPage();
    await other.goto("/?kind=quantity&sort=claim-date&order=asc");
    const statements = await other.getByTestId("tracker-item").locator("h3").allTextContents();
    expect(statements[0]).toBe("GPT-3 has 175 billion parameters");
    expect(statements).not.toContain("OpenAI's open-source model will be InstructGPT");
    await expect(other.getByTestId("status-changes-chart")).toHaveCount(0);

    // The chart has its own page, for the same selection, and links back to it.
    await other.getByTestId("trends-link").click();
    await expect(other).toHaveURL(/\/trends\?kind=quantity$/);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Status changes over time");
    await expect(other.getByTestId("status-changes-chart")).toBeVisible();
    await expect(other.getByRole("img", { name: /Status changes per month/ })).toBeVisible();
    // Each colour is named, with its icon: status is never told by colour alone.
    await expect(other.getByRole("list", { name: "Legend" })).toContainText("Outdated");
    await other.getByText("The numbers").click();
    await expect(other.getByRole("table", { name: "Status changes per month, by status" })).toBeVisible();
    await other.getByTestId("tracker-link").click();
    await expect(other).toHaveURL(/\/\?kind=quantity$/);
  });

  test("filters by an article from its short list, or by any article's link", async ({ page }) => {
    await page.goto("/");
    await page.getByText("Filters and sorting").click();
    const filter = page.getByRole("combobox", { name: "Article" });
    const options = await filter.locator("option").allTextContents();
    expect(options[0]).toBe("Any article");
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(21);
    const slug = await filter.locator("option").nth(1).getAttribute("value");
    await page.goto(`/?article=${slug}`);
    await expect(page.getByRole("combobox", { name: "Article" })).toHaveValue(slug!);
    await expect(page.getByTestId("tracker-item").first()).toBeVisible();
  });

  test("is readable with JavaScript off and fits a 375-pixel phone", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto("/?q=270");
    await expect(page.getByTestId("tracker-item").first()).toContainText("OpenAI is valued at about $27 billion");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByTestId("tracker-item").first().getByRole("link").first().click();
    await expect(page.getByRole("list", { name: "Verification timeline" })).toContainText("2 Oct 2024");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
