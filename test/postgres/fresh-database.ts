import { randomBytes } from "node:crypto";
import { migratePostgres } from "../../db/engines/postgres/migrate";
import type { TestCluster } from "./test-cluster";

/** A new database on `cluster` with every PostgreSQL migration applied; returns its URL. */
export async function freshPostgresDatabase(cluster: Pick<TestCluster, "createDatabase">, prefix = "test"): Promise<string> {
  const url = await cluster.createDatabase(`${prefix}_${randomBytes(4).toString("hex")}`);
  await migratePostgres(url);
  return url;
}
