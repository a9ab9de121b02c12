// @ts-check
/**
 * The lint rules that keep words out of components: every word a reader or editor sees comes
 * from the catalogues (messages/), in both languages. Shared by eslint.config.mjs and
 * test/interface-text.test.ts, which runs only these rules so `npm test` fails fast on a
 * hard-coded string.
 */

/** Text with no words in it: punctuation and symbols that read the same in every language. */
const NEUTRAL_TEXT = ["·", "—", "–", "…", "(", ")", ":", "/", "×", "+", "|", "%", "→", "←", "↑", "↓", "#", "?", ",", ".", "*", "“", "”"];

export const INTERFACE_TEXT_FILES = ["app/**/*.tsx", "components/**/*.tsx"];

/** @type {import("eslint").Linter.RulesRecord} */
export const interfaceTextRules = {
  "react/jsx-no-literals": ["error", { noStrings: true, ignoreProps: true, allowedStrings: NEUTRAL_TEXT }],
  "no-restricted-syntax": [
    "error",
    {
      selector: "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|hint|legend|description|heading|caption|confirmMessage|emptyMessage)$/] > Literal[value=/[A-Za-z]/]",
      message: "Words in an accessible name, title, placeholder, alt text, label or hint come from the catalogues (messages/): use t().",
    },
  ],
};
