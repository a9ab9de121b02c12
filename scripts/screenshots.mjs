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

for (const [suffix, viewport] of [["", { width: 1280, height: 900 }], ["-phone", { width: 375, height: 812 }]]) {
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
  await context.close();
}
await browser.close();
