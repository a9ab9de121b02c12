import { boolean, integer, pgTable, text } from "drizzle-orm/pg-core";
import { timestampMs } from "./columns";

/** db/schema/statuses.ts on PostgreSQL. */
export const statuses = pgTable("status", {
  key: text("key").primaryKey(),
  labelEn: text("label_en").notNull(),
  labelZh: text("label_zh").notNull(),
  color: text("color").notNull(),
  icon: text("icon").notNull(),
  resolved: boolean("resolved").notNull().default(false),
  ratingValue: integer("rating_value"),
  sortOrder: integer("sort_order").notNull(),
  retiredAt: timestampMs("retired_at"),
  createdAt: timestampMs("created_at").notNull().defaultNow(),
});

export const appSettings = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestampMs("updated_at").notNull().defaultNow(),
});
