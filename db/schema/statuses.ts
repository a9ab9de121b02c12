import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowMs } from "./auth";

/** The verification scale. Rows are retired, never deleted, so old events keep their status. */
export const statuses = sqliteTable("status", {
  key: text("key").primaryKey(),
  labelEn: text("label_en").notNull(),
  labelZh: text("label_zh").notNull(),
  color: text("color").notNull(),
  icon: text("icon").notNull(),
  resolved: integer("resolved", { mode: "boolean" }).notNull().default(false),
  /** ClaimReview ratingValue (1–5), null when not rated. */
  ratingValue: integer("rating_value"),
  sortOrder: integer("sort_order").notNull(),
  retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});

export type Status = typeof statuses.$inferSelect;

/** Small key/value facts about this installation, e.g. when the demo data was seeded. */
export const appSettings = sqliteTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(nowMs),
});
