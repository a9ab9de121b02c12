import "server-only";
import { eq } from "drizzle-orm";
import type { OwnProfileInput } from "../../lib/user-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { user } from "../schema";
import { writeTransaction } from "../transaction";

export interface OwnProfileDto {
  name: string;
}

/**
 * A signed-in editor or admin renames their own account: the name reports and audit entries
 * show. The one way to change a profile (Better Auth's update-user endpoint is closed), so the
 * name is validated and every change is audited with the write.
 */
export async function updateOwnProfile(actor: Actor | null, input: OwnProfileInput): Promise<OwnProfileDto> {
  return writeTransaction(async (tx) => {
    const me = await authorize(tx, actor, EDITOR_ROLES);
    const before = { name: me.name };
    if (before.name === input.name) return before;
    await tx.update(user).set({ name: input.name, updatedAt: new Date() }).where(eq(user.id, me.id));
    await recordAudit(tx, { actorId: me.id, action: "user.update_profile", entityType: "user", entityId: me.id, before, after: { name: input.name } });
    return { name: input.name };
  });
}
