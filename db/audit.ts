import "server-only";
import type { Tx } from "./client";
import { auditLog } from "./schema";

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: "article" | "claim" | "mention" | "status_event" | "user" | "status";
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit row inside the caller's transaction, so the change and its record land together. */
export function recordAudit(tx: Tx, record: AuditRecord): void {
  tx.insert(auditLog)
    .values({
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: String(record.entityId),
      before: record.before ?? null,
      after: record.after ?? null,
    })
    .run();
}
