import "server-only";
import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, claims, reviewRequests, statusEvents, user } from "../schema";
import { requiresSecondApproval } from "./second-approval-setting";
import { firstRow } from "../rows";

export interface ReviewWaitingDto {
  reviewId: number;
  subjectType: "article" | "status_event";
  /** The article's title, or the claim's statement for a held status event. */
  title: string;
  /** Where to look before deciding: the article's workbench or the claim's editor page. */
  href: string;
  previewHref: string | null;
  /** For a held event: the status it would publish and its date. */
  statusKey: string | null;
  effectiveDate: string | null;
  requestedByName: string | null;
  requestedAt: string;
}

const requester = alias(user, "requester");

/**
 * Open reviews the actor may decide: everything submitted by someone else (a held event
 * written by the actor is left out too; the data layer refuses those anyway).
 */
export async function listReviewsWaitingForMe(actor: Actor | null): Promise<ReviewWaitingDto[]> {
  const db = getDb();
  const me = await authorize(db, actor, EDITOR_ROLES);
  const open = and(isNull(reviewRequests.outcome), or(isNull(reviewRequests.requestedBy), ne(reviewRequests.requestedBy, me.id)));
  const articleRows = (await db
    .select({ reviewId: reviewRequests.id, articleId: articles.id, title: articles.title, requestedByName: requester.name, requestedAt: reviewRequests.requestedAt })
    .from(reviewRequests)
    .innerJoin(articles, and(eq(reviewRequests.subjectType, "article"), eq(articles.id, reviewRequests.subjectId)))
    .leftJoin(requester, eq(requester.id, reviewRequests.requestedBy))
    .where(open))
    .map((r): ReviewWaitingDto => ({
      reviewId: r.reviewId,
      subjectType: "article",
      title: r.title,
      href: `/editor/articles/${r.articleId}`,
      previewHref: `/editor/articles/${r.articleId}/preview`,
      statusKey: null,
      effectiveDate: null,
      requestedByName: r.requestedByName,
      requestedAt: r.requestedAt.toISOString(),
    }));
  const eventRows = (await db
    .select({
      reviewId: reviewRequests.id,
      claimId: claims.id,
      statement: claims.statement,
      statusKey: statusEvents.statusKey,
      effectiveDate: statusEvents.effectiveDate,
      authorId: statusEvents.authorId,
      requestedByName: requester.name,
      requestedAt: reviewRequests.requestedAt,
    })
    .from(reviewRequests)
    .innerJoin(statusEvents, and(eq(reviewRequests.subjectType, "status_event"), eq(statusEvents.id, reviewRequests.subjectId)))
    .innerJoin(claims, eq(claims.id, statusEvents.claimId))
    .leftJoin(requester, eq(requester.id, reviewRequests.requestedBy))
    .where(open))
    .filter((r) => r.authorId !== me.id)
    .map((r): ReviewWaitingDto => ({
      reviewId: r.reviewId,
      subjectType: "status_event",
      title: r.statement,
      href: `/editor/claims/${r.claimId}`,
      previewHref: null,
      statusKey: r.statusKey,
      effectiveDate: r.effectiveDate,
      requestedByName: r.requestedByName,
      requestedAt: r.requestedAt.toISOString(),
    }));
  return [...articleRows, ...eventRows].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

export interface ArticleReviewStateDto {
  /** Whether the desk requires a second approval right now. */
  required: boolean;
  open: { reviewId: number; requestedByName: string | null; requestedAt: string; mine: boolean; submittedVersion: number | null } | null;
  /** The last time the article was sent back, with the reviewer's comment, when that is the latest decision. */
  sentBack: { comment: string; byName: string | null; at: string } | null;
}

const decider = alias(user, "decider");

/** The review state the workbench's publish bar shows. */
export async function getArticleReviewState(actor: Actor | null, articleId: number): Promise<ArticleReviewStateDto> {
  const db = getDb();
  const me = await authorize(db, actor, EDITOR_ROLES);
  const latest = await firstRow(db
    .select({ review: reviewRequests, requestedByName: requester.name, decidedByName: decider.name })
    .from(reviewRequests)
    .leftJoin(requester, eq(requester.id, reviewRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, reviewRequests.decidedBy))
    .where(and(eq(reviewRequests.subjectType, "article"), eq(reviewRequests.subjectId, articleId)))
    .orderBy(desc(reviewRequests.id)));
  const review = latest?.review;
  return {
    required: await requiresSecondApproval(db),
    open:
      review && review.outcome === null
        ? { reviewId: review.id, requestedByName: latest.requestedByName, requestedAt: review.requestedAt.toISOString(), mine: review.requestedBy === me.id, submittedVersion: review.subjectVersion }
        : null,
    sentBack:
      review && review.outcome === "sent_back" && review.comment
        ? { comment: review.comment, byName: latest.decidedByName, at: (review.decidedAt ?? review.requestedAt).toISOString() }
        : null,
  };
}

/** Open reviews of held status events, by event id: the claim's editor page marks them and offers the decision. */
export async function listHeldEventReviews(actor: Actor | null, eventIds: number[]): Promise<Map<number, { reviewId: number; mine: boolean }>> {
  const db = getDb();
  const me = await authorize(db, actor, EDITOR_ROLES);
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ reviewId: reviewRequests.id, eventId: reviewRequests.subjectId, requestedBy: reviewRequests.requestedBy, authorId: statusEvents.authorId })
    .from(reviewRequests)
    .innerJoin(statusEvents, eq(statusEvents.id, reviewRequests.subjectId))
    .where(and(eq(reviewRequests.subjectType, "status_event"), inArray(reviewRequests.subjectId, eventIds), isNull(reviewRequests.outcome)));
  return new Map(rows.map((r) => [r.eventId, { reviewId: r.reviewId, mine: r.requestedBy === me.id || r.authorId === me.id }]));
}
