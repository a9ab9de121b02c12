import { index, pgTable, text } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { serialId, timestampMs } from "./columns";

/** db/schema/api-tokens.ts on PostgreSQL. */
export const apiTokens = pgTable(
  "api_token",
  {
    id: serialId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: timestampMs("created_at").notNull().defaultNow(),
    revokedAt: timestampMs("revoked_at"),
  },
  (t) => [index("api_token_user_idx").on(t.userId)],
);
