import { afterAll, beforeAll, inject } from "vitest";
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

/**
 * The cluster of a test file, started before its first test and stopped after its last: call
 * once at the top of the file, before the file's own hooks (they run after this one starts it,
 * and their afterAll before this one stops it).
 */
export function clusterForThisFile(): Pick<TestCluster, "createDatabase"> {
  let cluster: TestCluster | undefined;
  beforeAll(async () => {
    cluster = await testCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return {
    createDatabase: (name) => {
      if (!cluster) throw new Error("The test cluster is not started yet: use it inside a hook or a test.");
      return cluster.createDatabase(name);
    },
  };
}
