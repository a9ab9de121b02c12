import { ESLint } from "eslint";
import { expect, it } from "vitest";

/**
 * The lint rules that keep words out of components (eslint.config.mjs: react/jsx-no-literals
 * and the attribute rule) run in `npm test` too, so a hard-coded English string in a page fails
 * the test suite, not only the lint step.
 */
const TEXT_RULES = new Set(["react/jsx-no-literals", "no-restricted-syntax"]);

it("no component renders words that are not in the catalogues", async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const results = await eslint.lintFiles(["app/**/*.tsx", "components/**/*.tsx"]);
  const hardCoded = results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId !== null && TEXT_RULES.has(message.ruleId)).map((message) => `${result.filePath.replace(`${process.cwd()}/`, "")}:${message.line} ${message.message}`),
  );
  expect(hardCoded).toEqual([]);
}, 120_000);
