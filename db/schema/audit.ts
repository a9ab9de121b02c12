import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowMs, user } from "./auth";

/** Who changed what, when, with before/after snapshots. Written in the change's own transaction. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for the system (seeding, first-start admin). */
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(nowMs),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_actor_idx").on(t.actorId, t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
