import "server-only";
import { eq } from "drizzle-orm";
import type { UserIdInput } from "../../lib/user-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { user } from "../schema";
import { writeTransaction } from "../transaction";
import { deleteSessionsOf, ensureAdminRoleMayBeRemoved, loadManagedUser, type ManagedUserDto } from "./managed-user";

/**
 * An admin shuts an account out at once: its sessions are deleted (signed out everywhere), and
 * every later request from it, by session or API token, is refused because authorize() and
 * the token lookup re-read deactivatedAt. The row and its history stay; it can be reactivated.
 */
export function deactivateUser(actor: Actor | null, input: UserIdInput): ManagedUserDto {
  return writeTransaction((tx) => {
    const admin = authorize(tx, actor, ADMIN_ROLES);
    const before = loadManagedUser(tx, input.userId);
    if (before.deactivatedAt !== null) return before;
    ensureAdminRoleMayBeRemoved(tx, admin.id, before, "deactivate");
    const deactivatedAt = new Date();
    tx.update(user).set({ deactivatedAt, updatedAt: deactivatedAt }).where(eq(user.id, before.id)).run();
    const sessionsEnded = deleteSessionsOf(tx, before.id);
    recordAudit(tx, {
      actorId: admin.id,
      action: "user.deactivate",
      entityType: "user",
      entityId: before.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: deactivatedAt.toISOString(), sessionsEnded },
    });
    return { ...before, deactivatedAt: deactivatedAt.toISOString() };
  });
}

/**
 * An admin lets a deactivated account back in. It signs in afresh (its sessions were deleted);
 * its API tokens that were not revoked work again, as they were only suspended.
 */
export function reactivateUser(actor: Actor | null, input: UserIdInput): ManagedUserDto {
  return writeTransaction((tx) => {
    const admin = authorize(tx, actor, ADMIN_ROLES);
    const before = loadManagedUser(tx, input.userId);
    if (before.deactivatedAt === null) return before;
    tx.update(user).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(user.id, before.id)).run();
    recordAudit(tx, { actorId: admin.id, action: "user.reactivate", entityType: "user", entityId: before.id, before: { deactivatedAt: before.deactivatedAt }, after: { deactivatedAt: null } });
    return { ...before, deactivatedAt: null };
  });
}
