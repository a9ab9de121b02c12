import { defineConfig, devices } from "@playwright/test";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require("./scripts/find-chromium.cjs") as { findChromium: () => string | null | undefined };

const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://localhost:${port}`;
// A system Chromium where there is one (Debian's on CI); otherwise Playwright's own browser.
const executablePath: string | undefined = findChromium() ?? undefined;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  // Tests share one server and database; each writes its own uniquely named rows.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
  },
});
