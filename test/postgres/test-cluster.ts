import { inject } from "vitest";
import { createDatabaseAt, startPostgres, type PostgresCluster } from "./cluster";

export type TestCluster = Pick<PostgresCluster, "createDatabase" | "stop">;

/**
 * The run's shared cluster when test/postgres/global-setup.ts started one, else a cluster of
 * this test file's own (started here, stopped by `stop()`), so a file runs alone or in a suite.
 */
export async function testCluster(): Promise<TestCluster> {
  const shared = inject("postgresUrl");
  if (shared) return { createDatabase: (name) => createDatabaseAt(shared, name), stop: async () => {} };
  return startPostgres();
}
