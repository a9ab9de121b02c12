import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // "server-only" throws outside React Server Components; in unit tests the data layer runs in plain Node.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
      "@": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts", "messages/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    // Each test file gets its own in-memory database (DATABASE_URL=:memory:, fresh per worker).
    env: { DATABASE_URL: ":memory:", SEED_DEMO: "0" },
    // A limit for hung tests, not a speed target (speed is measured by `npm run bench`): tests
    // on real databases take seconds on a busy two-core machine.
    testTimeout: 30_000,
  },
});
