import { pgTable, text } from "drizzle-orm/pg-core";
import { timestampMs } from "./columns";

/** db/schema/data-migrations.ts on PostgreSQL. */
export const dataMigrations = pgTable("data_migration", {
  name: text("name").primaryKey(),
  appliedAt: timestampMs("applied_at").notNull().defaultNow(),
});
