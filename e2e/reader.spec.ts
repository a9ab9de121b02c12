import { expect, test } from "@playwright/test";
import { DEMO_SLUG } from "./fixtures";

test.describe("reader, without an account", () => {
  test("finds the demo article and sees each claim's current status", async ({ page }) => {
    await page.goto("/articles");
    await page.getByRole("link", { name: "OpenAI plans to release its first open-source language model" }).click();
    await expect(page).toHaveURL(`/articles/${DEMO_SLUG}`);

    // The body is Chinese and marked as such, so it gets Chinese fonts and line breaking.
    const body = page.getByTestId("article-body");
    await expect(body).toHaveAttribute("lang", "zh-Hans");
    // The quoted words are highlighted, followed by a status marker that opens the claim's timeline.
    await expect(body.locator("mark.mention", { hasText: "GPT-3 拥有1750亿个参数" })).toBeVisible();
    const marker = body.getByRole("button", { name: "True: GPT-3 has 175 billion parameters" });
    await marker.focus();
    await page.keyboard.press("Enter");
    const popover = page.locator("[popover]:popover-open");
    await expect(popover).toBeVisible();
    // A non-modal dialog, named after its claim: what a screen reader announces as it opens.
    await expect(page.getByRole("dialog", { name: "Claim: GPT-3 has 175 billion parameters" })).toBeVisible();
    await expect(popover).toContainText("The GPT-3 paper describes a 175-billion-parameter model.");
    await expect(popover.getByRole("link", { name: /Claim page/ })).toHaveAttribute("href", /^\/claims\/\d+$/);
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();

    // The scorecard counts the claims per status, in words as well as in the bar.
    const scorecard = page.getByTestId("scorecard");
    await expect(scorecard).toContainText("6 claims checked");
    await expect(scorecard.locator('[data-status="true"]')).toContainText("3");

    const claim = (statement: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: statement }) });
    await expect(claim("OpenAI plans to release an open-source language model").getByTestId("current-status")).toHaveText(/True/);
    await expect(claim("OpenAI is valued at about $27 billion (270亿美元)").getByTestId("current-status")).toHaveText(/Outdated/);
    await expect(claim("OpenAI's open-source model will be InstructGPT").getByTestId("current-status")).toHaveText(/False/);

    // The claim list opens the same popover as the marker: each timeline is in the page once.
    await claim("GPT-3 has 175 billion parameters").getByRole("button", { name: /^Timeline \(\d+\)$/ }).click();
    await expect(popover).toBeVisible();
    await expect(popover).toContainText("The GPT-3 paper describes a 175-billion-parameter model.");
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();
    const eventIds = await page.locator('[id^="event-"]').evaluateAll((elements) => elements.map((e) => e.id));
    expect(eventIds.length).toBeGreaterThan(0);
    expect(new Set(eventIds).size).toBe(eventIds.length);
  });

  test("reads a claim's timeline with its sources, and never an internal note", async ({ page }) => {
    await page.goto(`/articles/${DEMO_SLUG}`);
    await page.getByRole("link", { name: "OpenAI plans to release an open-source language model", exact: true }).click();
    await expect(page).toHaveURL(/\/claims\/\d+$/);
    const timeline = page.getByRole("list", { name: "Verification timeline" });
    const entries = timeline.locator(":scope > li");
    // Latest first: the report of May 2023 is at the bottom, the release of gpt-oss above it.
    await expect(entries.last()).toContainText("15 May 2023");
    const release = entries.filter({ hasText: "5 Aug 2025" }).first();
    await expect(release.getByRole("link", { name: "Introducing gpt-oss" })).toHaveAttribute("href", "https://openai.com/index/introducing-gpt-oss/");
    // The demo's second event carries an editors-only note.
    await expect(page.getByText("Re-check when OpenAI announces open weights.")).toHaveCount(0);
    await expect(page.getByText("Internal note")).toHaveCount(0);
  });

  test("gets a 404 for a claim id that does not exist", async ({ page }) => {
    const response = await page.goto("/claims/999999");
    expect(response?.status()).toBe(404);
  });
});
