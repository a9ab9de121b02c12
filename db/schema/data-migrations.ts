import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowMs } from "./auth";

/**
 * Data migrations that have run (db/data-migrations/): changes to stored rows that need the
 * app's own code, such as re-deriving article bodies, which an SQL migration cannot express.
 * A name here means it is done and never runs again.
 */
export const dataMigrations = sqliteTable("data_migration", {
  name: text("name").primaryKey(),
  appliedAt: integer("applied_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});

export type DataMigration = typeof dataMigrations.$inferSelect;
