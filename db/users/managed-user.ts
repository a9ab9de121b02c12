import "server-only";
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { ConflictError, NotFoundError } from "../../lib/errors";
import type { Role } from "../../lib/claim-rules";
import type { Db, Tx } from "../client";
import { account, session, user } from "../schema";
import { firstRow } from "../rows";

/** One account as the users screen shows it: never the password hash, only whether there is one. */
export interface ManagedUserDto {
  id: string;
  name: string;
  email: string;
  role: Role;
  deactivatedAt: string | null;
  createdAt: string;
  /** False for users restored from a backup until an admin sets a password. */
  hasPassword: boolean;
}

const columns = {
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  deactivatedAt: user.deactivatedAt,
  createdAt: user.createdAt,
  passwordAccountId: account.id,
};

type Row = { id: string; name: string; email: string; role: Role; deactivatedAt: Date | null; createdAt: Date; passwordAccountId: string | null };

function toDto({ passwordAccountId, ...row }: Row): ManagedUserDto {
  return { ...row, deactivatedAt: row.deactivatedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(), hasPassword: passwordAccountId !== null };
}

function selectUsers(db: Tx | Db) {
  return db
    .select(columns)
    .from(user)
    .leftJoin(account, and(eq(account.userId, user.id), eq(account.providerId, "credential")));
}

export async function selectManagedUsers(db: Tx | Db): Promise<ManagedUserDto[]> {
  return (await selectUsers(db).orderBy(asc(user.name), asc(user.email))).map(toDto);
}

export async function loadManagedUser(db: Tx | Db, id: string): Promise<ManagedUserDto> {
  const row = await firstRow(selectUsers(db).where(eq(user.id, id)));
  if (!row) throw new NotFoundError("The user");
  return toDto(row);
}

/**
 * Refuses a change that would take away the target's active admin role (demotion or
 * deactivation): never the desk's last active admin, and never the acting admin themself,
 * so no one can lock the desk out of its own settings by accident.
 */
export async function ensureAdminRoleMayBeRemoved(tx: Tx, actorId: string, target: ManagedUserDto, change: "demote" | "deactivate"): Promise<void> {
  if (target.role !== "admin" || target.deactivatedAt !== null) return;
  const otherActiveAdmins =
    (await firstRow(tx
      .select({ n: count() })
      .from(user)
      .where(and(eq(user.role, "admin"), isNull(user.deactivatedAt), ne(user.id, target.id)))))?.n ?? 0;
  if (otherActiveAdmins === 0) {
    throw new ConflictError(`${target.name} is the last active admin. Make another account admin first, so the desk keeps someone who can manage it.`);
  }
  if (target.id === actorId) {
    throw new ConflictError(change === "demote" ? "You cannot remove your own admin role. Another admin can." : "You cannot deactivate your own account. Another admin can.");
  }
}

/** Signs the user out everywhere: Better Auth finds no session row, so their cookies stop working. */
export async function deleteSessionsOf(tx: Tx, userId: string): Promise<number> {
  // Counted from RETURNING: both engines answer it alike (a run result's count does not).
  return (await tx.delete(session).where(eq(session.userId, userId)).returning({ id: session.id })).length;
}
