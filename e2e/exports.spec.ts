import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_SLUG, signIn } from "./fixtures";

async function download(page: Page, label: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name: label, exact: true }).click()]);
  return fs.readFileSync((await file.path())!);
}

test("every export format of the demo article downloads from the article page with its content", async ({ page }) => {
  await page.goto(`/articles/${DEMO_SLUG}`);
  await page.getByTestId("exports").locator("summary").click();

  const markdown = (await download(page, "Markdown")).toString("utf8");
  expect(markdown).toContain("OpenAI plans to release its first open-source language model");
  expect(markdown).toContain("GPT-3 has 175 billion parameters");

  const events = await download(page, "CSV: every status event (full history)");
  expect([...events.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const eventsText = events.toString("utf8");
  expect(eventsText).toContain("\r\n");
  expect(eventsText).toContain("OpenAI is valued at about $27 billion (270亿美元)");
  // The full history: the demo claims have 11 events.
  expect(eventsText.trim().split("\r\n").length).toBeGreaterThanOrEqual(12);

  const claimsCsv = (await download(page, "CSV: one row per claim")).toString("utf8");
  expect(claimsCsv).toContain("InstructGPT");

  const json = JSON.parse((await download(page, "JSON")).toString("utf8"));
  expect(json.claims.length).toBeGreaterThanOrEqual(6);

  const reviews = JSON.parse((await download(page, "ClaimReview JSON-LD")).toString("utf8"));
  expect(reviews.find((r: { claimReviewed: string }) => r.claimReviewed === "GPT-3 has 175 billion parameters")).toMatchObject({
    "@type": "ClaimReview",
    reviewRating: { ratingValue: 5, bestRating: 5, worstRating: 1 },
  });

  const annotations = JSON.parse((await download(page, "W3C Web Annotations (JSON-LD)")).toString("utf8"));
  const text = JSON.stringify(annotations);
  expect(text).toContain("TextQuoteSelector");
  expect(text).toContain("TextPositionSelector");
  expect(text).toContain("GPT-3 拥有1750亿个参数");

  const pdf = await download(page, "Report (PDF)");
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);

  await page.getByTestId("exports").getByRole("link", { name: "Report (HTML, ready to print)" }).click();
  await expect(page.getByTestId("report")).toContainText("Claimline verification report");
  await expect(page.getByTestId("report").locator(".report-claim")).toHaveCount(6);
  await expect(page.getByTestId("report-as-of")).toContainText("Current as of");
});

test("an export as published on a date is byte-identical before and after a later event is recorded", async ({ page, request }) => {
  // As published on a day (recorded time): the audit view, what ?asof= meant before issue 15.
  const url = `/api/v1/articles/${DEMO_SLUG}/events.csv?published=2024-06-30`;
  const before = await (await request.get(url)).body();
  await signIn(page);
  const claims = await (await page.request.get(`/api/v1/claims?article=${DEMO_SLUG}&q=parameters`)).json();
  const recorded = await page.request.post(`/api/v1/claims/${claims.items[0].id}/events`, {
    // Effective before the claim's verdict, so other tests still see the demo's current statuses.
    data: { statusKey: "in_progress", effectiveDate: "2020-05-01", rationale: "Entered today, effective in the past." },
  });
  expect(recorded.status()).toBe(201);
  const after = await (await request.get(url)).body();
  expect(after.equals(before)).toBe(true);
  // Without the date the new event is there, and as of that day by effective date too: it took effect in 2020.
  expect((await (await request.get(`/api/v1/articles/${DEMO_SLUG}/events.csv`)).text())).toContain("Entered today, effective in the past.");
  expect((await (await request.get(`/api/v1/articles/${DEMO_SLUG}/events.csv?asof=2024-06-30`)).text())).toContain("Entered today, effective in the past.");
});

test("an export that takes more than a second shows its progress, and can be cancelled", async ({ page }) => {
  // Hold the server's answer back, as a desk-wide export of a large desk would take.
  const delayed = async (route: import("@playwright/test").Route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.fulfill({ response }).catch(() => {});
  };
  await page.route("**/api/v1/reports/tracker/events.csv*", delayed);
  await page.goto("/?kind=quantity");
  await page.getByTestId("exports").locator("summary").click();
  const link = page.getByTestId("exports").getByRole("link", { name: "CSV: every status event (full history)" });

  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const progress = page.getByTestId("export-progress");
  // (The download event waits for the whole file, so the progress was on screen before it.)
  expect(file.suggestedFilename()).toBe("tracker-events.csv");
  const csv = fs.readFileSync((await file.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("GPT-3 has 175 billion parameters");
  await expect(progress).toBeEmpty();

  // Again, watching the progress appear and cancelling it: no download happens.
  let downloaded = false;
  page.on("download", () => (downloaded = true));
  await link.click();
  await expect(progress).toContainText("Exporting CSV: every status event (full history)");
  await expect(progress.getByRole("progressbar")).toBeVisible();
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(progress).toBeEmpty();
  await page.waitForTimeout(3000);
  expect(downloaded).toBe(false);
});

test("a failed export says why instead of downloading an error page", async ({ page }) => {
  await page.goto(`/articles/${DEMO_SLUG}?asof=2024-06-30`);
  await page.route("**/report.md*", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "unavailable", message: "The report service is busy; try again in a minute." }) }));
  await page.getByTestId("exports").locator("summary").click();
  await page.getByTestId("exports").getByRole("link", { name: "Markdown", exact: true }).click();
  await expect(page.getByTestId("exports").getByRole("alert")).toContainText("Markdown could not be exported. The report service is busy; try again in a minute.");
});
