import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import { INTERFACE_TEXT_FILES, interfaceTextRules } from "./eslint-rules/interface-text.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Guard rails: an UPDATE or DELETE without WHERE rewrites a whole table.
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      // lib/ is pure domain logic: no React, Next or database.
      "no-restricted-imports": ["error", { patterns: ["react", "react-*", "next", "next/*", "@/db/*", "../db/*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"] }],
    },
  },
  {
    // No import circles in the data-access layer or the domain logic (issue 19): a circle makes
    // what a module sees at load time depend on which side was imported first. eslint-config-next
    // already registers the import plugin with the TypeScript resolver (the @/ paths). Type-only
    // imports are not followed (they vanish at run time); db/import-cycles.test.ts checks those too.
    files: ["db/**/*.ts", "lib/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Every word a reader or editor sees comes from the catalogues (messages/), in both languages.
    files: INTERFACE_TEXT_FILES,
    rules: interfaceTextRules,
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"]),
]);
