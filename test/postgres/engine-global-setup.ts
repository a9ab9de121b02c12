import type { TestProject } from "vitest/node";
import { migratePostgres } from "../../db/engines/postgres/migrate";
import { createDatabaseAt, startPostgres } from "./cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database every test of the PostgreSQL project starts from a copy of. */
    postgresTemplate?: string;
  }
}

/** The template every test's database is copied from: migrated once, so a test costs a CREATE DATABASE. */
export const TEMPLATE = "claimline_template";

/**
 * The `postgres` vitest project (vitest.config.mts): one throwaway cluster for the run, and a
 * migrated template database on it (test/postgres/engine-setup.ts copies it for each test).
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  await migratePostgres(await createDatabaseAt(cluster.url, TEMPLATE));
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresTemplate", TEMPLATE);
  return () => cluster.stop();
}
