import { ESLint } from "eslint";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";
import { expect, it } from "vitest";
import { INTERFACE_TEXT_FILES, interfaceTextRules } from "@/eslint-rules/interface-text.mjs";

/**
 * The lint rules that keep words out of components (eslint-rules/interface-text.mjs) run in
 * `npm test` too, so a hard-coded English string in a page fails the test suite, not only the
 * lint step. Only these rules run here: the whole lint takes a minute.
 */
it("no component renders words that are not in the catalogues", async () => {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: INTERFACE_TEXT_FILES,
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { react },
        rules: interfaceTextRules,
        linterOptions: { reportUnusedDisableDirectives: "off" },
      },
    ],
  });
  const results = await eslint.lintFiles(INTERFACE_TEXT_FILES);
  expect(results.length).toBeGreaterThan(50);
  // Only these rules' findings: the files' disable comments name rules this run does not load.
  const hardCoded = results.flatMap((result) => result.messages.filter((message) => message.ruleId !== null && message.ruleId in interfaceTextRules).map((message) => `${result.filePath.replace(`${process.cwd()}/`, "")}:${message.line} ${message.message}`));
  expect(hardCoded).toEqual([]);
}, 120_000);
