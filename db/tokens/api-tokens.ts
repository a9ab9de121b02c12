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
export function createApiToken(actor: Actor | null, input: NewApiTokenInput): ApiTokenDto & { token: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const row = tx
      .insert(apiTokens)
      .values({ userId: editor.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
      .returning()
      .get();
    const { tokenHash: _hash, ...audited } = row;
    recordAudit(tx, { actorId: editor.id, action: "api_token.create", entityType: "user", entityId: editor.id, after: audited });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), revokedAt: null, token };
  });
}

/** Revokes one of the actor's tokens (admins may revoke anyone's); it stops working at once. */
export function revokeApiToken(actor: Actor | null, tokenId: number): { id: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const owned = editor.role === "admin" ? eq(apiTokens.id, tokenId) : and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, editor.id));
    const before = tx.select().from(apiTokens).where(and(owned, isNull(apiTokens.revokedAt))).get();
    if (!before) throw new NotFoundError("An active token of yours with that id");
    tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId)).run();
    recordAudit(tx, { actorId: editor.id, action: "api_token.revoke", entityType: "user", entityId: before.userId, before: { id: before.id, name: before.name, prefix: before.prefix } });
    return { id: tokenId };
  });
}

/**
 * Revokes every active token of a user, inside the caller's transaction, which authorises and
 * audits the reason (a password reset: whoever had the password could have made tokens).
 * Returns what was revoked, named as the audit log names tokens, never the token itself.
 */
export function revokeApiTokensOf(tx: Tx, userId: string): { id: number; name: string; prefix: string }[] {
  return tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix })
    .all()
    .sort((a, b) => a.id - b.id);
}

export function listApiTokens(actor: Actor | null): ApiTokenDto[] {
  const db = getDb();
  const editor = authorize(db, actor, EDITOR_ROLES);
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, editor.id))
    .orderBy(desc(apiTokens.id))
    .all()
    .map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null }));
}

/**
 * The actor a bearer token stands for, or null: unknown, revoked, or its user deactivated.
 * Mutations still authorise that actor in the data layer (role, account state) as for sessions.
 */
export function actorFromApiToken(token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = getDb()
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(user.deactivatedAt)))
    .get();
  return row ? { userId: row.userId } : null;
}
