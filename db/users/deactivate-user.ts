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
export async function deactivateUser(actor: Actor | null, input: UserIdInput): Promise<ManagedUserDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = await loadManagedUser(tx, input.userId);
    if (before.deactivatedAt !== null) return before;
    await ensureAdminRoleMayBeRemoved(tx, admin.id, before, "deactivate");
    const deactivatedAt = new Date();
    await tx.update(user).set({ deactivatedAt, updatedAt: deactivatedAt }).where(eq(user.id, before.id));
    const sessionsEnded = await deleteSessionsOf(tx, before.id);
    await recordAudit(tx, {
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
export async function reactivateUser(actor: Actor | null, input: UserIdInput): Promise<ManagedUserDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = await loadManagedUser(tx, input.userId);
    if (before.deactivatedAt === null) return before;
    await tx.update(user).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(user.id, before.id));
    await recordAudit(tx, { actorId: admin.id, action: "user.reactivate", entityType: "user", entityId: before.id, before: { deactivatedAt: before.deactivatedAt }, after: { deactivatedAt: null } });
    return { ...before, deactivatedAt: null };
  });
}
