import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { UserPasswordInput } from "../../lib/user-input";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { account } from "../schema";
import { revokeApiTokensOf } from "../tokens/api-tokens";
import { writeTransaction } from "../transaction";
import { deleteSessionsOf, loadManagedUser, type ManagedUserDto } from "./managed-user";

/**
 * An admin sets a user's password: a reset, or the first password of a user restored from a
 * backup (who has no credential yet, so one is created the way Better Auth's sign-up would).
 * A reset usually means the old password was lost or leaked, so the user's sessions end too
 * (an admin setting their own keeps theirs, the one this request comes from among them), and
 * so do all of the user's API tokens, the admin's own included: whoever held the password
 * could have made one, and a token outlives any session.
 */
export async function setUserPassword(actor: Actor | null, input: UserPasswordInput): Promise<ManagedUserDto> {
  // Hashing is slow on purpose; do it before taking the write lock.
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const target = await loadManagedUser(tx, input.userId);
    const now = new Date();
    if (target.hasPassword) {
      await tx.update(account)
        .set({ password: passwordHash, updatedAt: now })
        .where(and(eq(account.userId, target.id), eq(account.providerId, "credential")));
    } else {
      await tx.insert(account).values({ id: randomUUID(), accountId: target.id, providerId: "credential", userId: target.id, password: passwordHash });
    }
    const sessionsEnded = target.id === admin.id ? 0 : await deleteSessionsOf(tx, target.id);
    const apiTokensRevoked = await revokeApiTokensOf(tx, target.id);
    // The audit row says that it happened and what it ended, never what the password is or hashes to.
    await recordAudit(tx, {
      actorId: admin.id,
      action: "user.set_password",
      entityType: "user",
      entityId: target.id,
      before: { hasPassword: target.hasPassword },
      after: { hasPassword: true, sessionsEnded, apiTokensRevoked },
    });
    return { ...target, hasPassword: true };
  });
}
