import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { languageToStore } from "../../lib/article-doc/text-language";
import { currentStatusEvent } from "../../lib/current-status";
import { NotFoundError, ValidationError } from "../../lib/errors";
import type { SourceInput, StatusEventInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { timelineOwnerOf, timelineOwners } from "../claims/timeline-owner";
import { openReview } from "../reviews/review-requests";
import { requiresSecondApproval } from "../reviews/second-approval-setting";
import { claims, eventSources, sources, statusEvents, statuses } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow, returnedRow } from "../rows";

export interface RecordedEventDto {
  eventId: number;
  claimId: number;
  currentStatus: string;
  /** True when the event was to be published but waits, as a draft, for a second editor's approval. */
  held?: boolean;
}

async function assertUsableStatus(tx: Tx, key: string): Promise<void> {
  const status = await firstRow(tx.select({ retiredAt: statuses.retiredAt }).from(statuses).where(eq(statuses.key, key)));
  if (!status || status.retiredAt) {
    throw new ValidationError("Choose a status from the current scale.", { statusKey: "Choose a status from the current scale." });
  }
}

async function assertCorrectable(tx: Tx, claimId: number, eventId: number): Promise<void> {
  const target = await firstRow(tx
    .select({ claimId: statusEvents.claimId, visibility: statusEvents.visibility })
    .from(statusEvents)
    .where(eq(statusEvents.id, eventId)));
  const sameTimeline = target !== undefined && (await timelineOwners(tx, [claimId])).has(target.claimId);
  if (!target || !sameTimeline || target.visibility !== "published") {
    throw new ValidationError("A correction must name a published event of the same claim.", { correctsEventId: "Not a published event of this claim." });
  }
}

/**
 * Re-derives the current status of the timeline `eventClaimId`'s events show on (the claim
 * itself, or the claim it was merged into: a draft left on a merged claim is published from
 * the surviving claim's timeline), in the same transaction as the change.
 */
export async function refreshCurrentStatus(tx: Tx, actorId: string | null, eventClaimId: number): Promise<string> {
  const claimId = await timelineOwnerOf(tx, eventClaimId) ?? eventClaimId;
  const events = (await tx
    .select({
      id: statusEvents.id,
      statusKey: statusEvents.statusKey,
      effectiveDate: statusEvents.effectiveDate,
      recordedAt: statusEvents.recordedAt,
      visibility: statusEvents.visibility,
      correctsEventId: statusEvents.correctsEventId,
    })
    .from(statusEvents)
    .where(inArray(statusEvents.claimId, [...(await timelineOwners(tx, [claimId])).keys()])))
    .map((e) => ({ ...e, recordedAt: e.recordedAt.getTime() }));
  const current = currentStatusEvent(events);
  const before = await firstRow(tx.select({ currentStatus: claims.currentStatus, currentStatusEventId: claims.currentStatusEventId }).from(claims).where(eq(claims.id, claimId)));
  const after = { currentStatus: current?.statusKey ?? "unverified", currentStatusEventId: current?.id ?? null };
  if (before && (before.currentStatus !== after.currentStatus || before.currentStatusEventId !== after.currentStatusEventId)) {
    await tx.update(claims).set({ ...after, updatedAt: new Date(), updatedBy: actorId }).where(eq(claims.id, claimId));
    await recordAudit(tx, { actorId, action: "claim.status", entityType: "claim", entityId: claimId, before, after });
  }
  return after.currentStatus;
}

/** Appends a status event with its sources and keeps the claim's current status in step. The caller has authorised `actorId`. */
export async function insertStatusEvent(tx: Tx, actorId: string | null, input: StatusEventInput, recordedAt = new Date()): Promise<RecordedEventDto> {
  const claim = await firstRow(tx.select({ id: claims.id }).from(claims).where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt))));
  if (!claim) throw new NotFoundError("The claim");
  await assertUsableStatus(tx, input.statusKey);
  if (input.correctsEventId !== null) await assertCorrectable(tx, claim.id, input.correctsEventId);
  // While the desk requires a second approval, an event to publish is held as a draft (never
  // seen by readers, never counted) until another editor approves it.
  const held = input.visibility === "published" && actorId !== null && await requiresSecondApproval(tx);

  const event = await returnedRow(tx
    .insert(statusEvents)
    .values({
      claimId: claim.id,
      statusKey: input.statusKey,
      effectiveDate: input.effectiveDate.date,
      effectivePrecision: input.effectiveDate.precision,
      recordedAt,
      rationale: input.rationale,
      // Stored with the event: published events are never updated, so this is its language for good.
      rationaleLanguage: languageToStore(input.rationale, input.rationaleLanguage),
      internalNote: input.internalNote,
      visibility: held ? "draft" : input.visibility,
      correctsEventId: input.correctsEventId,
      authorId: actorId,
    })
    .returning());
  const linkedSources = await Promise.all(input.sources.map(async (source, position) => {
    const row = await returnedRow(tx.insert(sources).values(sourceRow(source)).returning());
    await tx.insert(eventSources).values({ eventId: event.id, sourceId: row.id, position });
    return row;
  }));
  await recordAudit(tx, { actorId, action: "status_event.create", entityType: "status_event", entityId: event.id, after: { ...event, sources: linkedSources } });
  if (held && actorId !== null) await openReview(tx, actorId, { type: "status_event", id: event.id });
  const currentStatus = await refreshCurrentStatus(tx, actorId, claim.id);
  return { eventId: event.id, claimId: claim.id, currentStatus, ...(held ? { held } : {}) };
}

/** A source as stored: with its title's language, detected. */
export function sourceRow(source: SourceInput): SourceInput & { titleLanguage: string | null } {
  return { ...source, titleLanguage: languageToStore(source.title) };
}

export async function recordStatusEvent(actor: Actor | null, input: StatusEventInput): Promise<RecordedEventDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    return insertStatusEvent(tx, editor.id, input);
  });
}
