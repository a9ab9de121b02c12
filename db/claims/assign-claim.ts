import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { type Db, getDb } from "../client";
import { articles, claims, mentions, user } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow } from "../rows";

export interface AssigneeDto {
  id: string;
  name: string;
}

/** Editors and admins who can be given a claim (deactivated accounts cannot). */
export async function listAssignableEditors(actor: Actor | null): Promise<AssigneeDto[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  return activeEditors(db);
}

/** The same list for a read that has authorised its caller already (the workbench). */
export async function activeEditors(db: Db): Promise<AssigneeDto[]> {
  return db.select({ id: user.id, name: user.name }).from(user).where(isNull(user.deactivatedAt)).orderBy(asc(user.name));
}

/** Assigns a claim to an editor, or to nobody (null). Audited; does not change the claim's version (its content is unchanged). */
export async function assignClaim(actor: Actor | null, input: { claimId: number; assigneeId: string | null }): Promise<{ claimId: number; assigneeId: string | null }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await firstRow(tx.select({ assigneeId: claims.assigneeId }).from(claims).where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt))));
    if (!before) throw new NotFoundError("The claim");
    if (input.assigneeId !== null) {
      const assignee = await firstRow(tx.select({ id: user.id }).from(user).where(and(eq(user.id, input.assigneeId), isNull(user.deactivatedAt))));
      if (!assignee) throw new ValidationError("Choose an active editor.", { assigneeId: "Choose an active editor." });
    }
    if (before.assigneeId === input.assigneeId) return input;
    await tx.update(claims).set({ assigneeId: input.assigneeId }).where(eq(claims.id, input.claimId));
    await recordAudit(tx, { actorId: editor.id, action: "claim.assign", entityType: "claim", entityId: input.claimId, before, after: { assigneeId: input.assigneeId } });
    return input;
  });
}

export interface AssignedClaimDto {
  claimId: number;
  statement: string;
  currentStatus: string;
  /** An article that quotes it, to open in the workbench. */
  articleId: number | null;
  articleTitle: string | null;
}

/** The claims assigned to the actor, each with one article quoting it (the first mention's). */
export async function listClaimsAssignedToMe(actor: Actor | null): Promise<AssignedClaimDto[]> {
  const db = getDb();
  const me = await authorize(db, actor, EDITOR_ROLES);
  const rows = await db
    .select({ claimId: claims.id, statement: claims.statement, currentStatus: claims.currentStatus, articleId: articles.id, articleTitle: articles.title })
    .from(claims)
    .leftJoin(mentions, and(eq(mentions.claimId, claims.id), isNull(mentions.deletedAt)))
    .leftJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(eq(claims.assigneeId, me.id), isNull(claims.deletedAt)))
    .orderBy(asc(claims.id), asc(mentions.id));
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.claimId) && seen.add(r.claimId));
}
