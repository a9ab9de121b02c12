// `npm test`: every unit test (Vitest: on SQLite, and the data-access tests again on a
// throwaway PostgreSQL cluster), every e2e test (Playwright, real Chromium, production build,
// SQLite) and the e2e smoke subset on PostgreSQL, then one summary line per runner and a
// total. Every suite runs even when one before it fails, so one run shows everything broken.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

function run(command, args) {
  return spawnSync(command, args, { stdio: "inherit", env: process.env }).status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

fs.rmSync("test-results/unit.json", { force: true });
fs.rmSync("test-results/e2e.json", { force: true });
fs.rmSync("test-results/e2e-postgres.json", { force: true });

const unitOk = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]);
const built = run("node", ["scripts/check-browser.mjs"]) && run("node", ["scripts/ensure-build.mjs"]);
const e2eOk = built && run("npx", ["playwright", "test"]);
const e2ePostgresOk = built && run("npx", ["playwright", "test", "-c", "playwright.postgres.config.ts"]);

const unit = readJson("test-results/unit.json");
const e2e = readJson("test-results/e2e.json");
const e2ePostgres = readJson("test-results/e2e-postgres.json");
const unitCounts = unit ? { passed: unit.numPassedTests, failed: unit.numFailedTests } : { passed: 0, failed: 1 };
const playwrightCounts = (report) => (report ? { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky } : { passed: 0, failed: 1 });
const e2eCounts = playwrightCounts(e2e);
const e2ePostgresCounts = playwrightCounts(e2ePostgres);

console.log("");
console.log(`unit: ${unitCounts.passed} passed, ${unitCounts.failed} failed`);
console.log(`e2e: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed`);
console.log(`e2e on PostgreSQL: ${e2ePostgresCounts.passed} passed, ${e2ePostgresCounts.failed} failed`);
const passed = unitCounts.passed + e2eCounts.passed + e2ePostgresCounts.passed;
const failed = unitCounts.failed + e2eCounts.failed + e2ePostgresCounts.failed;
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(unitOk && e2eOk && e2ePostgresOk && failed === 0 ? 0 : 1);
