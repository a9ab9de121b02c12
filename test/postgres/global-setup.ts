import type { TestProject } from "vitest/node";
import { startPostgres } from "./cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The superuser URL of the run's shared throwaway cluster, when this global setup ran. */
    postgresUrl?: string;
  }
}

/**
 * One throwaway PostgreSQL cluster for a whole vitest run (`globalSetup` in a vitest config, or
 * `--globalSetup test/postgres/global-setup.ts`): test files then take a fresh database on it
 * (test/postgres/test-cluster.ts) instead of starting a cluster each.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
