import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowMs, user } from "./auth";

/**
 * API tokens for integrations that write through the JSON API. Only a SHA-256 hash of the
 * token is stored; the token itself is shown once, when it is created.
 */
export const apiTokens = sqliteTable(
  "api_token",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so its owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_token_user_idx").on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
