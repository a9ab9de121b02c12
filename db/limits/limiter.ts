import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb } from "../client";

/**
 * A counter budget kept in the `rate_limit` table (db/schema/rate-limits.ts), so every process
 * on the database shares it. rate-limiter-flexible does the counting: each consume() is one
 * atomic upsert in its own transaction, so parallel requests, in one process or several, are
 * counted as they arrive.
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
const limiters = new WeakMap<object, Map<string, RateLimiterSQLite>>();

function limiterFor(options: BudgetOptions): RateLimiterSQLite {
  const client = getDb().$client;
  let byName = limiters.get(client);
  if (!byName) limiters.set(client, (byName = new Map()));
  let limiter = byName.get(options.name);
  if (!limiter) {
    limiter = new RateLimiterSQLite({
      storeClient: client,
      storeType: "better-sqlite3",
      tableName: "rate_limit",
      // Made by migration 0009; the library must not create a table of its own.
      tableCreated: true,
      // Rows whose window ended an hour ago are deleted every five minutes.
      clearExpiredByTimeout: true,
      keyPrefix: options.name,
      points: options.points,
      duration: options.durationSeconds,
    });
    byName.set(options.name, limiter);
  }
  return limiter;
}

/** A SHA-256 of the key: fixed length, and no email or address stored in clear. */
export function hashedKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createBudget(options: BudgetOptions): Budget {
  return {
    async take(key, points = 1) {
      try {
        await limiterFor(options).consume(hashedKey(key), points);
        return 0;
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      }
    },
    async giveBack(key, points = 1) {
      await limiterFor(options).reward(hashedKey(key), points);
    },
    async reset(key) {
      await limiterFor(options).delete(hashedKey(key));
    },
  };
}
