import "server-only";
import { count, eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { ConflictError } from "../../lib/errors";
import type { NewUserInput } from "../../lib/validation";
import { getDb } from "../client";
import { user } from "../schema";
import { writeTransaction } from "../transaction";
import { insertUserWithPassword, type UserDto } from "./create-user";
import { firstRow } from "../rows";

export async function countUsers(): Promise<number> {
  return (await firstRow(getDb().select({ n: count() }).from(user)))?.n ?? 0;
}

/**
 * The /setup page: creates the first admin, and only while no user exists. The emptiness
 * check runs inside the write transaction, so two racing requests cannot both succeed.
 */
export async function createFirstAdmin(input: Omit<NewUserInput, "role">): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const existing = (await firstRow(tx.select({ n: count() }).from(user)))?.n ?? 0;
    if (existing > 0) throw new ConflictError("Setup is finished: an account already exists. Sign in instead.");
    return insertUserWithPassword(tx, null, { ...input, role: "admin" }, passwordHash);
  });
}

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD on start: creates that admin when no account has the email.
 * An existing account is left as it is (its password may have been changed since).
 */
export async function ensureAdminFromEnv(email: string, password: string, name = "Administrator"): Promise<UserDto | null> {
  const normalised = email.trim().toLowerCase();
  if (await firstRow(getDb().select({ id: user.id }).from(user).where(eq(user.email, normalised)))) return null;
  const passwordHash = await hashPassword(password);
  return writeTransaction(async (tx) => insertUserWithPassword(tx, null, { name, email: normalised, role: "admin" }, passwordHash));
}
