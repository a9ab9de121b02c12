import "server-only";
import { eq } from "drizzle-orm";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { setArticleState } from "../articles/publish-article";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { loadDraft, publishDraft } from "../events/draft-events";
import { articles, type ReviewRequest, reviewRequests } from "../schema";
import { writeTransaction } from "../transaction";
import { closeReview } from "./review-requests";
import { firstRow } from "../rows";

export interface ReviewDecisionDto {
  reviewId: number;
  subjectType: ReviewRequest["subjectType"];
  subjectId: number;
  outcome: "approved" | "sent_back";
  /** Where the subject is edited: the article's workbench or the claim's editor page. */
  claimId: number | null;
  slug: string | null;
}

async function loadOpen(tx: Tx, reviewId: number): Promise<ReviewRequest> {
  const review = await firstRow(tx.select().from(reviewRequests).where(eq(reviewRequests.id, reviewId)));
  if (!review) throw new NotFoundError("The review");
  if (review.outcome !== null) throw new ConflictError("This review was already decided. Reload the page to see its outcome.");
  return review;
}

/** The cross-check is a second pair of eyes: whoever submitted (or wrote the event) cannot decide it. */
async function assertSecondEditor(tx: Tx, review: ReviewRequest, editorId: string): Promise<void> {
  const authors = new Set([review.requestedBy]);
  if (review.subjectType === "status_event") authors.add((await loadDraft(tx, review.subjectId)).authorId);
  if (authors.has(editorId)) throw new ForbiddenError("You submitted this for review: another editor must approve it or send it back.");
}

/** Approves a review: the article is published (as submitted), or the held status event is. Audited. */
export async function approveReview(actor: Actor | null, input: { reviewId: number }): Promise<ReviewDecisionDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const review = await loadOpen(tx, input.reviewId);
    await assertSecondEditor(tx, review, editor.id);
    const decided = { reviewId: review.id, subjectType: review.subjectType, subjectId: review.subjectId, outcome: "approved" as const };
    if (review.subjectType === "article") {
      const article = await firstRow(tx.select().from(articles).where(eq(articles.id, review.subjectId)));
      if (!article) throw new NotFoundError("The article");
      if (article.version !== review.subjectVersion) {
        throw new ConflictError("The article was edited after it was submitted. Send it back, or ask the author to submit the new version.");
      }
      await closeReview(tx, editor.id, review, "approved");
      const published = article.status === "published" ? article : await setArticleState(tx, editor.id, article, "published", "article.publish");
      return { ...decided, claimId: null, slug: published.slug };
    }
    await closeReview(tx, editor.id, review, "approved");
    const event = await publishDraft(tx, editor.id, review.subjectId);
    return { ...decided, claimId: event.claimId, slug: null };
  });
}

/** Sends a review back to its author with a comment saying what to change; the subject stays a draft. Audited. */
export async function sendBackReview(actor: Actor | null, input: { reviewId: number; comment: string }): Promise<ReviewDecisionDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const comment = input.comment.trim();
    if (!comment) throw new ValidationError("Say what the author should change.", { comment: "Say what the author should change." });
    const review = await loadOpen(tx, input.reviewId);
    await assertSecondEditor(tx, review, editor.id);
    await closeReview(tx, editor.id, review, "sent_back", comment);
    const claimId = review.subjectType === "status_event" ? (await loadDraft(tx, review.subjectId)).claimId : null;
    const slug = review.subjectType === "article" ? ((await firstRow(tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, review.subjectId))))?.slug ?? null) : null;
    return { reviewId: review.id, subjectType: review.subjectType, subjectId: review.subjectId, outcome: "sent_back", claimId, slug };
  });
}
