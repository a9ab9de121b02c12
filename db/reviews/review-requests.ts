import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { ReviewOutcome, ReviewSubject } from "../../lib/review-rules";
import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { type ReviewRequest, reviewRequests } from "../schema";
import { firstRow, returnedRow } from "../rows";

/** The open review of a subject, if any (at most one: a partial unique index keeps it so). */
export async function findOpenReview(tx: Tx | Db, subjectType: ReviewSubject, subjectId: number): Promise<ReviewRequest | undefined> {
  return firstRow(tx
    .select()
    .from(reviewRequests)
    .where(and(eq(reviewRequests.subjectType, subjectType), eq(reviewRequests.subjectId, subjectId), isNull(reviewRequests.outcome))));
}

/**
 * Asks for a second editor's approval of a subject, inside the caller's transaction (the
 * caller has authorised `actorId`). Submitting again while a review is open changes nothing.
 */
export async function openReview(tx: Tx, actorId: string, subject: { type: ReviewSubject; id: number; version?: number | null }): Promise<ReviewRequest> {
  const open = await findOpenReview(tx, subject.type, subject.id);
  if (open) return open;
  const request = await returnedRow(tx
    .insert(reviewRequests)
    .values({ subjectType: subject.type, subjectId: subject.id, subjectVersion: subject.version ?? null, requestedBy: actorId, requestedAt: new Date() })
    .returning());
  await recordAudit(tx, { actorId, action: `review.submit_${subject.type}`, entityType: "review", entityId: request.id, after: request });
  return request;
}

/** Closes an open review with its outcome, audited; the caller has checked who may decide. */
export async function closeReview(tx: Tx, actorId: string, before: ReviewRequest, outcome: ReviewOutcome, comment: string | null = null): Promise<ReviewRequest> {
  const after = await returnedRow(tx
    .update(reviewRequests)
    .set({ outcome, decidedBy: actorId, decidedAt: new Date(), comment })
    .where(and(eq(reviewRequests.id, before.id), isNull(reviewRequests.outcome)))
    .returning());
  const action = { approved: "review.approve", sent_back: "review.send_back", withdrawn: "review.withdraw" }[outcome];
  await recordAudit(tx, { actorId, action: `${action}_${before.subjectType}`, entityType: "review", entityId: before.id, before, after });
  return after;
}
