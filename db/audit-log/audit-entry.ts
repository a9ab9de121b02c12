import "server-only";
import { inArray } from "drizzle-orm";
import { type AuditChange, diffAuditSnapshots } from "../../lib/audit-diff";
import type { Db } from "../client";
import { auditLog, user } from "../schema";

/** One audit row as screens show it: who, what, on which entity, when, and the fields that changed. */
export interface AuditEntryDto {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  /** A readable name for entities whose ids say nothing (user ids are UUIDs); null otherwise. */
  entityLabel: string | null;
  /** Null for the system: seeding, the first-start admin. */
  actor: { id: string; name: string } | null;
  changes: AuditChange[];
}

/** The columns every audit read selects; join `user` on the actor to fill actorName. */
export const auditEntryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  actorId: auditLog.actorId,
  actorName: user.name,
};

interface AuditEntryRow {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  actorId: string | null;
  actorName: string | null;
}

/** Maps rows to DTOs, naming the user entities among them with one extra query. */
export async function toAuditEntries(db: Db, rows: AuditEntryRow[]): Promise<AuditEntryDto[]> {
  const userIds = [...new Set(rows.filter((r) => r.entityType === "user").map((r) => r.entityId))];
  const names = new Map(
    userIds.length === 0
      ? []
      : (await db
          .select({ id: user.id, name: user.name, email: user.email })
          .from(user)
          .where(inArray(user.id, userIds)))
          .map((u) => [u.id, `${u.name} (${u.email})`]),
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: row.entityType === "user" ? (names.get(row.entityId) ?? null) : null,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "Unknown user" } : null,
    changes: diffAuditSnapshots(row.before, row.after),
  }));
}
