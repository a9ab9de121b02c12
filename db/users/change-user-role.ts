import "server-only";
import { eq } from "drizzle-orm";
import type { UserRoleInput } from "../../lib/user-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { user } from "../schema";
import { writeTransaction } from "../transaction";
import { ensureAdminRoleMayBeRemoved, loadManagedUser, type ManagedUserDto } from "./managed-user";

/** An admin makes an account editor or admin. The new role applies on the user's next request. */
export async function changeUserRole(actor: Actor | null, input: UserRoleInput): Promise<ManagedUserDto> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = await loadManagedUser(tx, input.userId);
    // Saving the role it already has (a double click, a stale tab) changes nothing worth an audit row.
    if (before.role === input.role) return before;
    if (input.role !== "admin") await ensureAdminRoleMayBeRemoved(tx, admin.id, before, "demote");
    await tx.update(user).set({ role: input.role, updatedAt: new Date() }).where(eq(user.id, before.id));
    await recordAudit(tx, { actorId: admin.id, action: "user.change_role", entityType: "user", entityId: before.id, before: { role: before.role }, after: { role: input.role } });
    return { ...before, role: input.role };
  });
}
