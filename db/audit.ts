import "server-only";
import type { Tx } from "./client";
import { auditLog } from "./schema";

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: "article" | "claim" | "mention" | "status_event" | "user" | "status" | "review" | "setting";
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit row inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog)
    .values({
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: String(record.entityId),
      before: withoutDerived(record.entityType, record.before) ?? null,
      after: withoutDerived(record.entityType, record.after) ?? null,
    });
}

/**
 * A claim's figures for readers, kept by triggers (migration 0008), not edited by anyone. A row
 * from a write's RETURNING predates those triggers, so recording them would show changes that
 * never happened.
 */
const DERIVED_CLAIM_FIELDS = ["readable", "timelineOwnerId", "timelineReadable"];

function withoutDerived(entityType: AuditRecord["entityType"], value: unknown): unknown {
  if (entityType !== "claim" || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !DERIVED_CLAIM_FIELDS.includes(key)));
}
