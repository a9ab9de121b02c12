import "server-only";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { servingClient } from "../serving-client";
import type { ServingClient } from "../serving-reads";

/**
 * A counter budget kept in the `rate_limit` table (db/schema/rate-limits.ts), so every process
 * on the database shares it, and on PostgreSQL every node. rate-limiter-flexible does the
 * counting: each consume() is one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) in
 * its own transaction, so parallel requests, in one process or several, are counted as they
 * arrive. RateLimiterSQLite on better-sqlite3, RateLimiterPostgres on the pg.Pool: both read
 * and write the same layout (key text primary key, points integer, expire epoch milliseconds),
 * which is our `rate_limit` table on either engine (PostgreSQL's declares expire bigint).
 *
 * Keys are hashed before they are stored: whatever a client sends (a 5 MB "email", a long
 * address), a counter row is a prefix and 64 hex characters.
 */
export interface Budget {
  /** Takes `points`; 0 when allowed, else the seconds until the window ends (a refused take still counts, without lengthening the window). */
  take(key: string, points?: number): Promise<number>;
  /** Gives points back (a sign-in that succeeded). */
  giveBack(key: string, points?: number): Promise<void>;
  /** Forgets the key's counter. */
  reset(key: string): Promise<void>;
}

interface BudgetOptions {
  /** Names the budget; part of every key, so budgets never share counters. */
  name: string;
  points: number;
  durationSeconds: number;
}

// One limiter per budget and database connection: tests open a fresh database per test.
const limiters = new WeakMap<object, Map<string, RateLimiterAbstract>>();

function limiterFor(options: BudgetOptions, client: ServingClient): RateLimiterAbstract {
  let byName = limiters.get(client);
  if (!byName) limiters.set(client, (byName = new Map()));
  let limiter = byName.get(options.name);
  if (!limiter) {
    const common = {
      tableName: "rate_limit",
      // Made by our migrations (SQLite 0009, PostgreSQL 0000); the library must not create a table of its own.
      tableCreated: true,
      // Rows whose window ended an hour ago are deleted every five minutes.
      clearExpiredByTimeout: true,
      keyPrefix: options.name,
      points: options.points,
      duration: options.durationSeconds,
    };
    limiter =
      "prepare" in client && typeof client.prepare === "function"
        ? new RateLimiterSQLite({ ...common, storeClient: client as Database.Database, storeType: "better-sqlite3" })
        : new RateLimiterPostgres({ ...common, storeClient: client as pg.Pool, storeType: "pool" });
    byName.set(options.name, limiter);
  }
  return limiter;
}

/** A SHA-256 of the key: fixed length, and no email or address stored in clear. */
export function hashedKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * A budget on the process's database, or on `client` (a second connection of either engine:
 * tests, and a script that counts against the server's budgets).
 */
export function createBudget(options: BudgetOptions, client?: ServingClient): Budget {
  const limiter = () => limiterFor(options, client ?? servingClient());
  return {
    async take(key, points = 1) {
      try {
        await limiter().consume(hashedKey(key), points);
        return 0;
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      }
    },
    async giveBack(key, points = 1) {
      await limiter().reward(hashedKey(key), points);
    },
    async reset(key) {
      await limiter().delete(hashedKey(key));
    },
  };
}
