import { index, pgTable, text } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { jsonText, serialId, timestampMs } from "./columns";

/** db/schema/audit.ts on PostgreSQL. Append-only: triggers refuse UPDATE and DELETE (migration 0001 here). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serialId(),
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonText<unknown>("before"),
    after: jsonText<unknown>("after"),
    at: timestampMs("at").notNull().defaultNow(),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_actor_idx").on(t.actorId, t.at)],
);
