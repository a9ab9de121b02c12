import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { ValidationError } from "../../lib/errors";
import type { NewUserInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import type { Tx } from "../client";
import { account, user } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow, returnedRow } from "../rows";

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: "admin" | "editor";
}

/**
 * Writes a user and the email/password credential exactly as Better Auth's own sign-up
 * would (an account row with providerId "credential" and accountId = user id), so
 * Better Auth signs them in. Public sign-up stays disabled: accounts are made here.
 */
export async function insertUserWithPassword(tx: Tx, actorId: string | null, input: Omit<NewUserInput, "password">, passwordHash: string): Promise<UserDto> {
  if (await firstRow(tx.select({ id: user.id }).from(user).where(eq(user.email, input.email)))) {
    throw new ValidationError("An account with that email already exists.", { email: "Already has an account." });
  }
  const id = randomUUID();
  const row = await returnedRow(tx
    .insert(user)
    .values({ id, name: input.name, email: input.email, emailVerified: true, role: input.role })
    .returning({ id: user.id, name: user.name, email: user.email, role: user.role }));
  await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  await recordAudit(tx, { actorId, action: "user.create", entityType: "user", entityId: id, after: row });
  return row;
}

/** An admin creates an editor or admin account. */
export async function createUser(actor: Actor | null, input: NewUserInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    return insertUserWithPassword(tx, admin.id, input, passwordHash);
  });
}
