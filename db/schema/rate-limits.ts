import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Counters of rate limits and sign-in throttles, kept in the database so that every server
 * process on the file shares them (N processes keep the limits of one) and a restart does not
 * reset a lockout. The layout is the one rate-limiter-flexible's RateLimiterSQLite reads and
 * writes (db/limits/limiter.ts); the table is made by our migrations, not by the library.
 * Keys are a prefix and a SHA-256 hash, so a key is short whatever a client sends.
 */
export const rateLimits = sqliteTable("rate_limit", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  /** Milliseconds since the epoch after which the counter starts again. */
  expire: integer("expire"),
});
