import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { NotFoundError } from "../../lib/errors";
import { wellFormedString } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb, type Tx } from "../client";
import { apiTokens, user } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow, returnedRow } from "../rows";

export const TOKEN_PREFIX = "clt_";

export const newApiTokenInput = z.object({ name: wellFormedString().trim().min(1, "Name the token after the integration that uses it.").max(100) });
export type NewApiTokenInput = z.infer<typeof newApiTokenInput>;

export interface ApiTokenDto {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token for the actor. The returned `token` is the only time it is ever shown. */
export async function createApiToken(actor: Actor | null, input: NewApiTokenInput): Promise<ApiTokenDto & { token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const row = await returnedRow(tx
      .insert(apiTokens)
      .values({ userId: editor.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
      .returning());
    const { tokenHash: _hash, ...audited } = row;
    await recordAudit(tx, { actorId: editor.id, action: "api_token.create", entityType: "user", entityId: editor.id, after: audited });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), revokedAt: null, token };
  });
}

/** Revokes one of the actor's tokens (admins may revoke anyone's); it stops working at once. */
export async function revokeApiToken(actor: Actor | null, tokenId: number): Promise<{ id: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const owned = editor.role === "admin" ? eq(apiTokens.id, tokenId) : and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, editor.id));
    const before = await firstRow(tx.select().from(apiTokens).where(and(owned, isNull(apiTokens.revokedAt))));
    if (!before) throw new NotFoundError("An active token of yours with that id");
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, { actorId: editor.id, action: "api_token.revoke", entityType: "user", entityId: before.userId, before: { id: before.id, name: before.name, prefix: before.prefix } });
    return { id: tokenId };
  });
}

/**
 * Revokes every active token of a user, inside the caller's transaction, which authorises and
 * audits the reason (a password reset: whoever had the password could have made tokens).
 * Returns what was revoked, named as the audit log names tokens, never the token itself.
 */
export async function revokeApiTokensOf(tx: Tx, userId: string): Promise<{ id: number; name: string; prefix: string }[]> {
  return (await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix }))
    .sort((a, b) => a.id - b.id);
}

export async function listApiTokens(actor: Actor | null): Promise<ApiTokenDto[]> {
  const db = getDb();
  const editor = await authorize(db, actor, EDITOR_ROLES);
  return (await db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, editor.id))
    .orderBy(desc(apiTokens.id)))
    .map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null }));
}

/**
 * The actor a bearer token stands for, or null: unknown, revoked, or its user deactivated.
 * Mutations still authorise that actor in the data layer (role, account state) as for sessions.
 */
export async function actorFromApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await firstRow(getDb()
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(user.deactivatedAt))));
  return row ? { userId: row.userId } : null;
}
