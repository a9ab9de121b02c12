import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The PostgreSQL tests (test/postgres/) on one throwaway cluster for the whole run, started by
 * test/postgres/global-setup.ts: `npx vitest run --config vitest.postgres.config.mts`.
 * Needs PostgreSQL's server binaries (Debian: the postgresql package). Under the default
 * config the same files also run, each starting a cluster of its own.
 */
// Spread, not mergeConfig: mergeConfig would append to the base config's include list.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/postgres/**/*.test.ts"],
    globalSetup: ["test/postgres/global-setup.ts"],
  },
});
