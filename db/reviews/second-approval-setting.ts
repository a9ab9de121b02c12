import "server-only";
import { eq } from "drizzle-orm";
import { ForbiddenError } from "../../lib/errors";
import { SECOND_APPROVAL_SETTING } from "../../lib/review-rules";
import { recordAudit } from "../audit";
import { type Actor, ADMIN_ROLES, authorize, EDITOR_ROLES } from "../authorize";
import { type Db, getDb, type Tx } from "../client";
import { appSettings } from "../schema";
import { writeTransaction } from "../transaction";

/**
 * Whether this desk requires a second editor's approval before an article or a status event
 * is published. Stored in app_setting, so it travels with the database and its backups. Read
 * inside the caller's transaction, so a publish and the switch cannot interleave.
 */
export function requiresSecondApproval(tx: Tx | Db = getDb()): boolean {
  return tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SECOND_APPROVAL_SETTING)).get()?.value === "1";
}

/** What the desk-settings page shows; any editor may read it (the workbench shows the consequence). */
export function getSecondApprovalSetting(actor: Actor | null): { required: boolean } {
  const db = getDb();
  authorize(db, actor, EDITOR_ROLES);
  return { required: requiresSecondApproval(db) };
}

/** Turns the second approval on or off. Admins only; audited. Open reviews stay open either way. */
export function setSecondApproval(actor: Actor | null, input: { required: boolean }): { required: boolean } {
  return writeTransaction((tx) => {
    const admin = authorize(tx, actor, ADMIN_ROLES);
    const before = requiresSecondApproval(tx);
    if (before === input.required) return { required: before };
    const value = input.required ? "1" : "0";
    tx.insert(appSettings)
      .values({ key: SECOND_APPROVAL_SETTING, value })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } })
      .run();
    recordAudit(tx, { actorId: admin.id, action: "setting.update", entityType: "setting", entityId: SECOND_APPROVAL_SETTING, before: { required: before }, after: { required: input.required } });
    return { required: input.required };
  });
}

/**
 * The one check before anything becomes public without a review: refused while the desk
 * requires a second approval (the article form's State field and the API cannot go around the
 * Submit-for-review step).
 */
export function assertMayPublishWithoutReview(tx: Tx | Db): void {
  if (requiresSecondApproval(tx)) throw new ForbiddenError("This desk requires a second editor's approval before publishing: submit the article for review instead.");
}
