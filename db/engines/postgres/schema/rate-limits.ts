import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/** db/schema/rate-limits.ts on PostgreSQL. */
export const rateLimits = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  /** Milliseconds since the epoch: past 2^31, so bigint (read as a JS number, like SQLite's integer). */
  expire: bigint("expire", { mode: "number" }),
});
