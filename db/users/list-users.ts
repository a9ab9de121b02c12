import "server-only";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { getDb } from "../client";
import { type ManagedUserDto, selectManagedUsers } from "./managed-user";

/** Every account, active or not, by name: the admin's users screen and the audit log's user filter. */
export async function listUsers(actor: Actor | null): Promise<ManagedUserDto[]> {
  const db = getDb();
  await authorize(db, actor, ADMIN_ROLES);
  return selectManagedUsers(db);
}
