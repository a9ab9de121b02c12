import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Tests of SQLite itself (its files, its backup API, its shell, its triggers), or that copy
 * between the engines and so run once, from the SQLite project.
 */
const POSTGRES_EXCLUDED: string[] = [
  // SQLite's own file, shell, backup API and triggers; PostgreSQL's counterparts are in test/postgres/.
  "db/sqlite-compat.test.ts",
  "db/backup/online-backup.test.ts",
  "db/backup/online-restore.test.ts",
  "db/articles/slug-migrate-step.test.ts",
  "db/change-counter.test.ts",
  // Two SQLite connections on one file; test/postgres/serving-reads.test.ts does it with two pools.
  "db/limits/shared-limit.test.ts",
  // The bench's desk generator writes through better-sqlite3 (bench/generate/).
  "db/generated-desk.test.ts",
  "db/statement-counts.test.ts",
  // How a SQLite process reads DATABASE_URL (a PostgreSQL process opens PostgreSQL URLs).
  "db/database-url.test.ts",
  // Copies between the engines: runs once, from the SQLite project, with a cluster of its own.
  "db/copy/**",
  // The SQLite engine's own session (its transaction gate over one connection).
  "db/engines/sqlite/**",
];

export default defineConfig({
  resolve: {
    alias: {
      // "server-only" throws outside React Server Components; in unit tests the data layer runs in plain Node.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
      "@": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    // A limit for hung tests, not a speed target (speed is measured by `npm run bench`): tests
    // on real databases take seconds on a busy two-core machine.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts", "messages/**/*.test.ts", "test/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          // test/postgres/ (the second engine's schema, triggers and db:copy) shares one
          // throwaway cluster for the run instead of starting one per file.
          globalSetup: ["test/postgres/global-setup.ts"],
          // Each test gets its own in-memory database (test/setup.ts closes it after each test).
          env: { DATABASE_URL: ":memory:", SEED_DEMO: "0" },
        },
      },
      {
        // The data-access tests again, on PostgreSQL (issue 19): each test on a fresh copy of a
        // migrated database on a throwaway cluster. Pure logic (lib/) is engine-free and runs once.
        extends: true,
        test: {
          name: "postgres",
          include: ["db/**/*.test.ts", "app/**/*.test.ts"],
          exclude: POSTGRES_EXCLUDED,
          globalSetup: ["test/postgres/engine-global-setup.ts"],
          setupFiles: ["test/setup.ts", "test/postgres/engine-setup.ts"],
          // The tables follow DATABASE_URL when first imported (db/schema/index.ts); each test's
          // database URL replaces this one before the test runs.
          env: { DATABASE_URL: "postgres://replaced-per-test/claimline", SEED_DEMO: "0" },
        },
      },
    ],
  },
});
