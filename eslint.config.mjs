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
