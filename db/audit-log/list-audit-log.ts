import "server-only";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { AUDIT_PAGE_SIZE, type AuditQuery } from "../../lib/audit-query";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { getDb } from "../client";
import { auditLog, user } from "../schema";
import { auditEntryColumns, type AuditEntryDto, toAuditEntries } from "./audit-entry";

export interface AuditPageDto {
  entries: AuditEntryDto[];
  /** Pass as `before` for the next, older page; null on the last page. */
  olderThan: number | null;
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const startOfNextDay = (day: string) => new Date(startOfDay(day).getTime() + 86_400_000);

function filters(query: AuditQuery): SQL[] {
  const conditions: (SQL | undefined)[] = [
    query.userId ? or(eq(auditLog.actorId, query.userId), and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, query.userId))) : undefined,
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.from ? gte(auditLog.at, startOfDay(query.from)) : undefined,
    query.to ? lt(auditLog.at, startOfNextDay(query.to)) : undefined,
    query.before ? lt(auditLog.id, query.before) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/**
 * The audit log for admins, newest first, one bounded page at a time. Pages are keyed on the
 * row id (rows are only ever appended, so id order is time order), which stays fast however
 * long the log grows, unlike an OFFSET.
 */
export async function listAuditLog(actor: Actor | null, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPageDto> {
  const db = getDb();
  await authorize(db, actor, ADMIN_ROLES);
  const limit = Math.min(Math.max(1, pageSize), AUDIT_PAGE_SIZE);
  const rows = await db
    .select(auditEntryColumns)
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(and(...filters(query)))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { entries: await toAuditEntries(db, page), olderThan: rows.length > limit ? page.at(-1)!.id : null };
}
