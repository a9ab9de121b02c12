import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { auditLog, mentions, statusEvents, user } from "../schema";
import { auditEntryColumns, type AuditEntryDto, toAuditEntries } from "./audit-entry";

/** Enough for any claim's working life; older changes stay in the admins' audit log. */
export const CLAIM_HISTORY_LIMIT = 100;

/**
 * What was done to a claim, newest first: the claim's own audit rows, its mentions' (added,
 * moved, re-anchored, removed) and its status events' (recorded, published, discarded).
 * Each goes through the (entity_type, entity_id) index, so it stays cheap.
 */
export async function listClaimHistory(actor: Actor | null, claimId: number): Promise<AuditEntryDto[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const mentionIds = db.select({ id: sql<string>`cast(${mentions.id} as text)` }).from(mentions).where(eq(mentions.claimId, claimId));
  const eventIds = db.select({ id: sql<string>`cast(${statusEvents.id} as text)` }).from(statusEvents).where(eq(statusEvents.claimId, claimId));
  const rows = await db
    .select(auditEntryColumns)
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(
      or(
        and(eq(auditLog.entityType, "claim"), eq(auditLog.entityId, String(claimId))),
        and(eq(auditLog.entityType, "mention"), inArray(auditLog.entityId, mentionIds)),
        and(eq(auditLog.entityType, "status_event"), inArray(auditLog.entityId, eventIds)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(CLAIM_HISTORY_LIMIT);
  return toAuditEntries(db, rows);
}
