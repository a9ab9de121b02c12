import "server-only";
import type Database from "better-sqlite3";
import type pg from "pg";
import { postgresServingReads } from "./engines/postgres/serving-reads";
import { sqliteServingReads } from "./engines/sqlite/serving-reads";

/**
 * The few reads the serving layer makes before every cached answer (db/change-counter.ts,
 * db/cache-tags.ts): the change counter and which cache tags moved. They bypass drizzle because
 * they run per request: on SQLite they are prepared statements answered synchronously (a few
 * microseconds, as before the engine split); on PostgreSQL, named prepared statements on the
 * pool, one round trip each. Each engine's SQL is in its folder; callers await either.
 */
export interface ServingReads {
  /** The change counter's value now (a primary-key read of the one row). */
  changeCount(): number | Promise<number>;
  articleIdBySlug(slug: string): number | undefined | Promise<number | undefined>;
  /** Every claim the article mentions (live mentions) and the claims whose timeline they join. */
  claimsOfArticle(articleId: number): number[] | Promise<number[]>;
  /** The claim, its timeline owner and every claim sharing that timeline; empty for no such claim. */
  familyOfClaim(claimId: number): number[] | Promise<number[]>;
  /** The articles with a live mention of any of the claims. */
  articlesOfClaims(claimIds: readonly number[]): number[] | Promise<number[]>;
  /** Whether any of the tags was stamped after the counter stood at `counter`. */
  anyTagChangedSince(tags: readonly string[], counter: number): boolean | Promise<boolean>;
  /** Every tag stamped after the counter stood at `counter`, in order. */
  tagsChangedSince(counter: number): string[] | Promise<string[]>;
}

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
