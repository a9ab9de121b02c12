import "server-only";
import { getDb } from "./client";
import type { ServingClient } from "./serving-reads";

/**
 * The process's connection as the serving reads take it. getDb() is typed as the SQLite
 * handle whichever engine runs; on PostgreSQL its `$client` is the pg.Pool.
 */
export function servingClient(): ServingClient {
  return getDb().$client as unknown as ServingClient;
}
