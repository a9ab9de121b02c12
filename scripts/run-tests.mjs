// `npm test`: every unit test (Vitest, real SQLite) and every e2e test (Playwright, real
// Chromium, production build), then one summary line per runner and a total. Both suites
// run even when the first fails, so one run shows everything that is broken.
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

const unitOk = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]);
const e2eOk = run("node", ["scripts/check-browser.mjs"]) && run("node", ["scripts/ensure-build.mjs"]) && run("npx", ["playwright", "test"]);

const unit = readJson("test-results/unit.json");
const e2e = readJson("test-results/e2e.json");
const unitCounts = unit ? { passed: unit.numPassedTests, failed: unit.numFailedTests } : { passed: 0, failed: 1 };
const e2eCounts = e2e ? { passed: e2e.stats.expected, failed: e2e.stats.unexpected + e2e.stats.flaky } : { passed: 0, failed: 1 };

console.log("");
console.log(`unit: ${unitCounts.passed} passed, ${unitCounts.failed} failed`);
console.log(`e2e: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed`);
console.log(`total: ${unitCounts.passed + e2eCounts.passed} passed, ${unitCounts.failed + e2eCounts.failed} failed`);
process.exit(unitOk && e2eOk && unitCounts.failed === 0 && e2eCounts.failed === 0 ? 0 : 1);
