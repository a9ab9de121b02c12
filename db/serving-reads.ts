import "server-only";
import type Database from "better-sqlite3";
import type pg from "pg";
import { postgresServingReads } from "./engines/postgres/serving-reads";
import { sqliteServingReads } from "./engines/sqlite/serving-reads";
import type { ServingReads } from "./engines/serving-reads-types";

export type { ServingReads } from "./engines/serving-reads-types";


/** What getDb().$client is: better-sqlite3's connection, or node-postgres' pool on PostgreSQL. */
export type ServingClient = Database.Database | pg.Pool;

const byClient = new WeakMap<object, ServingReads>();

/**
 * The serving reads of a connection, by what it is (so a test or script can pass a second
 * connection of either engine): better-sqlite3 prepares statements, a pg.Pool does not.
 */
export function servingReadsOf(client: ServingClient): ServingReads {
  let reads = byClient.get(client);
  if (!reads) {
    reads = "prepare" in client && typeof client.prepare === "function" ? sqliteServingReads(client) : postgresServingReads(client as pg.Pool);
    byClient.set(client, reads);
  }
  return reads;
}
