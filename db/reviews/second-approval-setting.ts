import "server-only";
import { eq } from "drizzle-orm";
import { ForbiddenError } from "../../lib/errors";
import { SECOND_APPROVAL_SETTING } from "../../lib/review-rules";
import { recordAudit } from "../audit";
import { type Actor, ADMIN_ROLES, authorize, EDITOR_ROLES } from "../authorize";
import { type Db, getDb, type Tx } from "../client";
import { appSettings } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow } from "../rows";

/**
 * Whether this desk requires a second editor's approval before an article or a status event
 * is published. Stored in app_setting, so it travels with the database and its backups. Read
 * inside the caller's transaction, so a publish and the switch cannot interleave.
 */
export async function requiresSecondApproval(tx: Tx | Db = getDb()): Promise<boolean> {
  return (await firstRow(tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SECOND_APPROVAL_SETTING))))?.value === "1";
}

/** What the desk-settings page shows; any editor may read it (the workbench shows the consequence). */
export async function getSecondApprovalSetting(actor: Actor | null): Promise<{ required: boolean }> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  return { required: await requiresSecondApproval(db) };
}

/** Turns the second approval on or off. Admins only; audited. Open reviews stay open either way. */
export async function setSecondApproval(actor: Actor | null, input: { required: boolean }): Promise<{ required: boolean }> {
  return writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    const before = await requiresSecondApproval(tx);
    if (before === input.required) return { required: before };
    const value = input.required ? "1" : "0";
    await tx.insert(appSettings)
      .values({ key: SECOND_APPROVAL_SETTING, value })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, { actorId: admin.id, action: "setting.update", entityType: "setting", entityId: SECOND_APPROVAL_SETTING, before: { required: before }, after: { required: input.required } });
    return { required: input.required };
  });
}

/**
 * The one check before anything becomes public without a review: refused while the desk
 * requires a second approval (the article form's State field and the API cannot go around the
 * Submit-for-review step).
 */
export async function assertMayPublishWithoutReview(tx: Tx | Db): Promise<void> {
  if (await requiresSecondApproval(tx)) throw new ForbiddenError("This desk requires a second editor's approval before publishing: submit the article for review instead.");
}
