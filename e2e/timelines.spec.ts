import { expect, type Page, test } from "@playwright/test";
import { DEMO_SLUG, signIn } from "./fixtures";

const CLAIM = "OpenAI plans to release an open-source language model";

async function openDemoClaim(page: Page, asEditor: boolean) {
  await page.goto(`/articles/${DEMO_SLUG}`);
  const href = await page.getByRole("link", { name: CLAIM, exact: true }).getAttribute("href");
  await page.goto(asEditor ? `/editor${href}` : href!);
}

async function recordEvent(page: Page, fields: { status: string; date: string; rationale: string; note?: string; corrects?: string; draft?: boolean }) {
  const form = page.locator("#record");
  await form.getByLabel("Status", { exact: true }).selectOption(fields.status);
  await form.getByLabel("Effective date").fill(fields.date);
  await form.getByLabel("Rationale (public)").fill(fields.rationale);
  if (fields.note) await form.getByLabel("Internal note (editors only)").fill(fields.note);
  if (fields.corrects) await form.getByLabel("Corrects").selectOption({ label: fields.corrects });
  if (fields.draft) await form.getByLabel("Visibility").selectOption("draft");
  await form.getByRole("button", { name: "Record status" }).click();
  // Wait for this event itself, not only a confirmation an earlier one may have left.
  await expect(page.getByRole("list", { name: "Verification timeline" }).getByText(fields.rationale.replace(/\*\*/g, ""))).toBeVisible();
  await expect(form.getByLabel("Rationale (public)")).toHaveValue("");
}

test("three events on the demo claim, one a correction, show in order with the band chart; as-of shows the past", async ({ page, browser }) => {
  await signIn(page);
  await openDemoClaim(page, true);
  await recordEvent(page, { status: "in_progress", date: "2025-08-10", rationale: "Checking the **licence** terms." });
  await recordEvent(page, { status: "misleading", date: "2025-08-12", rationale: "The weights are open, but the training data is not." });
  await recordEvent(page, {
    status: "true",
    date: "2025-08-12",
    rationale: "Correction: the report claimed open weights, which is what was released.",
    corrects: "12 Aug 2025 · Misleading",
  });

  const reader = await (await browser.newContext()).newPage();
  await openDemoClaim(reader, false);
  await expect(reader.getByTestId("current-status")).toHaveText(/True/);
  const entries = reader.getByRole("list", { name: "Verification timeline" }).locator(":scope > li");
  await expect(entries.nth(0)).toContainText("Correction: the report claimed open weights");
  await expect(entries.nth(0).getByTestId("correction-marker")).toHaveText("Correction");
  await expect(entries.nth(0)).toContainText("Corrects the entry of 12 Aug 2025 (Misleading)");
  await expect(entries.nth(1)).toContainText("The weights are open, but the training data is not.");
  await expect(entries.nth(1).getByTestId("corrected-marker")).toBeVisible();
  await expect(entries.nth(2)).toContainText("Checking the licence terms.");
  await expect(entries.nth(2).locator("strong")).toHaveText("licence");
  await expect(entries.last()).toContainText("15 May 2023");

  const chart = reader.getByTestId("status-band-chart");
  await expect(chart.getByRole("img")).toBeVisible();
  await expect(chart.locator("figcaption")).toContainText("Pending 15 May 2023");
  await expect(chart.locator("figcaption")).toContainText("True from 12 Aug 2025");

  await reader.goto(`${reader.url()}?asof=2024-01-01`);
  await expect(reader.getByTestId("as-of-notice")).toContainText("as of 1 Jan 2024");
  await expect(reader.getByTestId("current-status")).toHaveText(/Pending/);
  await expect(reader.getByRole("list", { name: "Verification timeline" }).locator(":scope > li")).toHaveCount(1);
  await expect(reader.getByText("gpt-oss")).toHaveCount(0);
  await expect(reader.getByTestId("status-band-chart").locator("figcaption")).toContainText("Pending from 15 May 2023");
});

test("a draft event and an internal note appear for editors and nowhere for readers", async ({ page, browser }) => {
  await signIn(page);
  await openDemoClaim(page, true);
  await recordEvent(page, { status: "mixed", date: "2026-11-01", rationale: "DRAFT-RATIONALE not yet public", note: "INTERNAL-NOTE desk only", draft: true });
  const draft = page.getByRole("list", { name: "Verification timeline" }).locator(":scope > li").filter({ hasText: "DRAFT-RATIONALE" });
  await expect(draft).toContainText("Draft: editors only");
  await expect(draft).toContainText("INTERNAL-NOTE desk only");

  const reader = await (await browser.newContext()).newPage();
  for (const path of ["/", `/articles/${DEMO_SLUG}`]) {
    await reader.goto(path);
    await expect(reader.locator("body")).not.toContainText("DRAFT-RATIONALE");
    await expect(reader.locator("body")).not.toContainText("INTERNAL-NOTE");
  }
  await openDemoClaim(reader, false);
  await expect(reader.locator("body")).not.toContainText("DRAFT-RATIONALE");
  await expect(reader.locator("body")).not.toContainText("INTERNAL-NOTE");
  await expect(reader.getByTestId("current-status")).not.toHaveText(/Mixed/);
  const html = await (await reader.request.get(reader.url())).text();
  expect(html).not.toContain("INTERNAL-NOTE");
  expect(html).not.toContain("DRAFT-RATIONALE");

  // Discarding the draft leaves the published history as it was.
  await draft.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByText("DRAFT-RATIONALE")).toHaveCount(0);
});
