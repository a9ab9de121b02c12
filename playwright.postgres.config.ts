import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The smoke subset of the e2e suite on PostgreSQL (issue 19): sign in, create an article, quote
 * a claim, record an event, the reader's views, the exports. The same specs and browser as the
 * SQLite run, against the production build served on a throwaway PostgreSQL cluster.
 */
const port = Number(process.env.E2E_POSTGRES_PORT || 3213);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...base,
  testMatch: ["editor-walk.spec.ts", "reader.spec.ts", "exports.spec.ts", "multi-node.spec.ts"],
  outputDir: "test-results/e2e-postgres-artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-postgres.json" }]],
  use: { ...base.use, baseURL },
  webServer: {
    command: "npx tsx --conditions react-server scripts/e2e-postgres-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
