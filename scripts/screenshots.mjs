// npm run screenshots — captures the main pages of a running Claimline (BASE_URL, default
// http://localhost:3000) at desktop and phone widths into test-results/screenshots/ (or OUT_DIR), for the README
// and for reviewing the UI. Signs in as the demo editor for the editor pages.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import finder from "./find-chromium.cjs";

const base = process.env.BASE_URL || "http://localhost:3000";
const out = process.env.OUT_DIR || "test-results/screenshots";
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: finder.findChromium() ?? undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function shoot(page, name, path) {
  await page.goto(base + path);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

/**
 * The workbench on the demo article with the valuation claim's edit form open, and the status
 * form opened in place under it: each a screen's worth, scrolled to the form (docs/ keeps them).
 */
async function shootWorkbench(page, suffix) {
  const demo = await (await page.request.get(`${base}/api/v1/articles/openai-open-source-model-2023`)).json();
  await page.goto(`${base}/editor/articles/${demo.id}`);
  const claim = page.getByRole("list", { name: "Claims in this article" }).locator("[data-claim-item]").filter({ hasText: "OpenAI is valued at about $27 billion" });
  await claim.getByRole("button", { name: "Edit", exact: true }).click();
  // The claim item also holds its assignment form: the edit form is the one with the figure.
  const form = claim.locator("form").filter({ has: page.getByLabel("Value", { exact: true }) });
  await form.getByLabel("Value", { exact: true }).waitFor();
  await form.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: `${out}/workbench${suffix}.png` });
  console.log(`${out}/workbench${suffix}.png`);
  await claim.getByRole("button", { name: "Cancel" }).click();
  await claim.getByRole("button", { name: /^Record status for/ }).click();
  const panel = claim.getByRole("region", { name: /^Record a status for/ });
  await panel.getByLabel("Status", { exact: true }).selectOption("outdated");
  await panel.getByLabel("Precision").selectOption("month");
  await panel.getByLabel("Effective date").fill("2024-10");
  await panel.getByLabel("Rationale (public)").fill("OpenAI's October 2024 funding round valued it at $157 billion.");
  await panel.getByLabel("Source 1 URL").fill("https://openai.com/index/scale-the-benefits-of-ai/");
  await panel.getByLabel("Source 1 date").fill("2024-10-02");
  await panel.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: `${out}/status-form${suffix}.png` });
  console.log(`${out}/status-form${suffix}.png`);
}

for (const [suffix, viewport] of [["", { width: 1280, height: 900 }], ["-phone", { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: suffix ? 2 : 1 });
  const page = await context.newPage();
  await shoot(page, `home${suffix}`, "/");
  await shoot(page, `trends${suffix}`, "/trends");
  await shoot(page, `article${suffix}`, "/articles/openai-open-source-model-2023");
  await page.getByRole("link", { name: "OpenAI plans to release an open-source language model" }).click();
  await page.waitForURL(/\/claims\/\d+/);
  await page.screenshot({ path: `${out}/claim${suffix}.png`, fullPage: true });
  const claimPath = new URL(page.url()).pathname;
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("editor@demo.claimline.local");
  await page.getByLabel("Password").fill("claimline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/editor$/);
  await page.screenshot({ path: `${out}/editor${suffix}.png`, fullPage: true });
  await shoot(page, `editor-claim${suffix}`, `/editor${claimPath}`);
  await shootWorkbench(page, suffix);
  await context.close();
}

// The reader side in Chinese on a phone, as a Chinese browser gets it (docs/ keeps them): the
// tracker and the demo article, a screen's worth each.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "zh-CN" });
  const page = await context.newPage();
  for (const [name, path] of [["tracker-zh-phone", "/"], ["article-zh-phone", "/articles/openai-open-source-model-2023"]]) {
    await page.goto(base + path);
    await page.waitForURL(/lang=zh-Hans/);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  await context.close();
}
await browser.close();
