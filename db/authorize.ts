import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "../lib/claim-rules";
import { ForbiddenError, UnauthorizedError } from "../lib/errors";
import type { Db, Tx } from "./client";
import { user } from "./schema";
import { firstRow } from "./rows";

/** Who is asking, as read from the session. Roles are re-read from the database on every check. */
export interface Actor {
  userId: string;
}

export interface AuthorizedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export const EDITOR_ROLES: readonly Role[] = ["admin", "editor"];
export const ADMIN_ROLES: readonly Role[] = ["admin"];

/**
 * The gate every mutation passes first, inside its transaction. It loads the actor's user
 * row, so a deactivated account or a changed role takes effect on the very next request.
 */
export async function authorize(tx: Tx | Db, actor: Actor | null | undefined, roles: readonly Role[]): Promise<AuthorizedUser> {
  if (!actor?.userId) throw new UnauthorizedError();
  const row = await firstRow(tx
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(and(eq(user.id, actor.userId), isNull(user.deactivatedAt))));
  if (!row) throw new UnauthorizedError("Your session is no longer valid. Sign in again.");
  if (!roles.includes(row.role)) throw new ForbiddenError();
  return row;
}
