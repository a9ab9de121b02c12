import "server-only";
import { and, eq } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { eventSources, statusEvents } from "../schema";
import { writeTransaction } from "../transaction";
import { closeReview, findOpenReview, openReview } from "../reviews/review-requests";
import { requiresSecondApproval } from "../reviews/second-approval-setting";
import { refreshCurrentStatus } from "./record-status-event";
import { firstRow } from "../rows";

export async function loadDraft(tx: Tx, eventId: number) {
  const draft = await firstRow(tx.select().from(statusEvents).where(and(eq(statusEvents.id, eventId), eq(statusEvents.visibility, "draft"))));
  if (!draft) throw new NotFoundError("A draft event with that id");
  return draft;
}

/**
 * Publishes a draft: from now on it is history (the database refuses to change it) and
 * counts for the claim's current status. Its recorded time becomes the publication time, so
 * as-of views never show it before readers could have seen it.
 */
export async function publishDraftEvent(actor: Actor | null, eventId: number): Promise<{ eventId: number; claimId: number; currentStatus: string; held?: boolean }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadDraft(tx, eventId);
    // While the desk requires a second approval, publishing a draft asks for it instead.
    if (await requiresSecondApproval(tx)) {
      await openReview(tx, editor.id, { type: "status_event", id: eventId });
      return { eventId, claimId: before.claimId, currentStatus: await refreshCurrentStatus(tx, editor.id, before.claimId), held: true };
    }
    return { ...await publishDraft(tx, editor.id, eventId), held: false };
  });
}

/** Publishes a draft inside the caller's transaction (the caller has authorised `actorId`): a direct publish, or an approved review. */
export async function publishDraft(tx: Tx, actorId: string, eventId: number): Promise<{ eventId: number; claimId: number; currentStatus: string }> {
  const before = await loadDraft(tx, eventId);
  const after = await firstRow(tx.update(statusEvents).set({ visibility: "published", recordedAt: new Date() }).where(eq(statusEvents.id, eventId)).returning());
  await recordAudit(tx, { actorId, action: "status_event.publish", entityType: "status_event", entityId: eventId, before, after });
  return { eventId, claimId: before.claimId, currentStatus: await refreshCurrentStatus(tx, actorId, before.claimId) };
}

/** Discards a draft; it was never public. The audit log keeps what it said. */
export async function deleteDraftEvent(actor: Actor | null, eventId: number): Promise<{ eventId: number; claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadDraft(tx, eventId);
    const review = await findOpenReview(tx, "status_event", eventId);
    if (review) await closeReview(tx, editor.id, review, "withdrawn", "The draft was discarded.");
    await tx.delete(eventSources).where(eq(eventSources.eventId, eventId));
    await tx.delete(statusEvents).where(eq(statusEvents.id, eventId));
    await recordAudit(tx, { actorId: editor.id, action: "status_event.delete_draft", entityType: "status_event", entityId: eventId, before });
    return { eventId, claimId: before.claimId };
  });
}
