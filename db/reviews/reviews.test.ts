import { and, eq } from "drizzle-orm";
import { attempt } from "../../test/attempt";
import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, ValidationError } from "../../lib/errors";
import { articleInput, articleUpdateInput } from "../../lib/validation";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { createArticle } from "../articles/create-article";
import { listArticlesForEditor } from "../articles/editor-articles";
import { getPublishedArticle, listPublishedArticles } from "../articles/published-articles";
import { publishArticle, submitArticleForReview, unpublishArticle } from "../articles/publish-article";
import { updateArticle } from "../articles/update-article";
import { assignClaim, listClaimsAssignedToMe } from "../claims/assign-claim";
import { getPublicClaim } from "../claims/public-claim";
import { getDb } from "../client";
import { publishDraftEvent } from "../events/draft-events";
import { recordStatusEvent } from "../events/record-status-event";
import { feedEvents } from "../feeds/feed-events";
import { auditLog, claims, statusEvents } from "../schema";
import { listPublishedClaims } from "../tracker/list-claims";
import { parseTrackerQuery } from "../../lib/tracker-query";
import { approveReview, sendBackReview } from "./decide-review";
import { getArticleReviewState, listReviewsWaitingForMe } from "./list-reviews";
import { setSecondApproval } from "./second-approval-setting";

function auditActions(entityType: string): string[] {
  return getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityType, entityType))
    .all()
    .map((r) => r.action);
}

function desk() {
  const admin = makeUser("admin");
  const author = makeUser("editor");
  const reviewer = makeUser("editor");
  const article = makeArticle(author, { status: "draft" });
  const { claimId } = makeClaim(author, article.id);
  return { admin, author, reviewer, article, claimId };
}

describe("publishing without a second approval", () => {
  it("publishes and unpublishes through the article's version, audited, and readers follow", () => {
    const { author, article } = desk();
    expect(getPublishedArticle(article.slug)).toBeNull();
    const published = publishArticle(author, { id: article.id, version: article.version });
    expect(published).toMatchObject({ status: "published", version: article.version + 1, pendingReview: false });
    expect(getPublishedArticle(article.slug)?.title).toBe(article.title);
    unpublishArticle(author, { id: article.id, version: published.version });
    expect(getPublishedArticle(article.slug)).toBeNull();
    expect(auditActions("article")).toEqual(["article.create", "article.publish", "article.unpublish"]);
  });

  it("refuses a publish from a stale version and writes nothing", async () => {
    const { author, reviewer, article } = desk();
    await updateArticle(reviewer, articleUpdateInput.parse({ id: article.id, version: article.version, title: "Changed", language: "zh-Hans", body: article.body }));
    const error = await attempt(() => publishArticle(author, { id: article.id, version: article.version }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(listPublishedArticles()).toEqual([]);
    expect(auditActions("article")).not.toContain("article.publish");
  });
});

describe("with a second editor's approval required", () => {
  it("holds the author's article until another editor approves it; the author cannot approve their own", async () => {
    const { admin, author, reviewer, article } = desk();
    setSecondApproval(admin, { required: true });
    expect(await attempt(() => publishArticle(author, { id: article.id, version: article.version }))).toBeInstanceOf(ForbiddenError);

    const submitted = submitArticleForReview(author, { id: article.id, version: article.version });
    expect(submitted).toMatchObject({ status: "draft", pendingReview: true });
    expect(getPublishedArticle(article.slug)).toBeNull();
    expect(listPublishedArticles()).toEqual([]);
    expect(listArticlesForEditor(reviewer).find((a) => a.id === article.id)).toMatchObject({ status: "draft", pendingReview: true });

    const state = getArticleReviewState(author, article.id);
    expect(state).toMatchObject({ required: true, open: { mine: true } });
    expect(listReviewsWaitingForMe(author)).toEqual([]);
    const [waiting] = listReviewsWaitingForMe(reviewer);
    expect(waiting).toMatchObject({ subjectType: "article", title: article.title, previewHref: `/editor/articles/${article.id}/preview` });

    expect(await attempt(() => approveReview(author, { reviewId: waiting!.reviewId }))).toBeInstanceOf(ForbiddenError);
    expect(getPublishedArticle(article.slug)).toBeNull();

    approveReview(reviewer, { reviewId: waiting!.reviewId });
    expect(getPublishedArticle(article.slug)?.title).toBe(article.title);
    expect(listReviewsWaitingForMe(reviewer)).toEqual([]);
    const approval = getDb().select().from(auditLog).where(eq(auditLog.action, "review.approve_article")).get();
    expect(approval?.actorId).toBe(reviewer.userId);
    expect(auditActions("setting")).toEqual(["setting.update"]);
    expect(auditActions("review")).toEqual(["review.submit_article", "review.approve_article"]);
  });

  it("refuses the article form's way around the review (State: published) and a direct create as published", async () => {
    const { admin, author, article } = desk();
    setSecondApproval(admin, { required: true });
    const viaForm = await attempt(() =>
      updateArticle(author, articleUpdateInput.parse({ id: article.id, version: article.version, title: article.title, language: "zh-Hans", body: article.body, status: "published" })),
    );
    expect(viaForm).toBeInstanceOf(ForbiddenError);
    const created = await attempt(() => createArticle(author, articleInput.parse({ title: "Straight out", language: "en", body: "Body.", status: "published" })));
    expect(created).toBeInstanceOf(ForbiddenError);
    expect(listPublishedArticles()).toEqual([]);
  });

  it("sends an article back only with a comment, and an edit after submitting must be submitted again", async () => {
    const { admin, author, reviewer, article } = desk();
    setSecondApproval(admin, { required: true });
    submitArticleForReview(author, { id: article.id, version: article.version });
    const reviewId = listReviewsWaitingForMe(reviewer)[0]!.reviewId;
    expect(await attempt(() => sendBackReview(reviewer, { reviewId, comment: "   " }))).toBeInstanceOf(ValidationError);
    sendBackReview(reviewer, { reviewId, comment: "Source the second claim." });
    expect(getArticleReviewState(author, article.id)).toMatchObject({ open: null, sentBack: { comment: "Source the second claim." } });

    submitArticleForReview(author, { id: article.id, version: article.version });
    const edited = await updateArticle(author, articleUpdateInput.parse({ id: article.id, version: article.version, title: "Edited after submitting", language: "zh-Hans", body: article.body }));
    const second = listReviewsWaitingForMe(reviewer)[0]!.reviewId;
    expect(await attempt(() => approveReview(reviewer, { reviewId: second }))).toBeInstanceOf(ConflictError);
    expect(getPublishedArticle(article.slug)).toBeNull();
    submitArticleForReview(author, { id: article.id, version: edited.version });
    approveReview(reviewer, { reviewId: listReviewsWaitingForMe(reviewer)[0]!.reviewId });
    expect(getPublishedArticle(article.slug)?.title).toBe("Edited after submitting");
  });

  it("holds a status event as a draft, invisible to readers, until another editor approves it", async () => {
    const { admin, author, reviewer, article, claimId } = desk();
    publishArticle(author, { id: article.id, version: article.version });
    setSecondApproval(admin, { required: true });
    const recorded = recordStatusEvent(author, eventInput(claimId, { statusKey: "false" }));
    expect(recorded).toMatchObject({ held: true, currentStatus: "unverified" });
    const row = getDb().select().from(statusEvents).where(eq(statusEvents.id, recorded.eventId)).get()!;
    expect(row.visibility).toBe("draft");
    // Every reader path: claim page, article page, tracker (status filter), desk feed.
    expect(getPublicClaim(claimId)?.timeline).toEqual([]);
    expect(getPublishedArticle(article.slug)?.claims[0]?.currentStatus).toBe("unverified");
    expect(listPublishedClaims(parseTrackerQuery({ status: "false" })).items).toEqual([]);
    expect(feedEvents({ kind: "desk" }).events.filter((e) => e.claimId === claimId)).toEqual([]);

    const waiting = listReviewsWaitingForMe(reviewer).find((r) => r.subjectType === "status_event")!;
    expect(waiting).toMatchObject({ statusKey: "false", href: `/editor/claims/${claimId}` });
    expect(await attempt(() => approveReview(author, { reviewId: waiting.reviewId }))).toBeInstanceOf(ForbiddenError);
    approveReview(reviewer, { reviewId: waiting.reviewId });
    expect(getPublicClaim(claimId)?.timeline.map((e) => e.statusKey)).toEqual(["false"]);
    expect(listPublishedClaims(parseTrackerQuery({ status: "false" })).items.map((i) => i.id)).toEqual([claimId]);
    expect(feedEvents({ kind: "desk" }).events.filter((e) => e.claimId === claimId)).toHaveLength(1);
    expect(getDb().select({ s: claims.currentStatus }).from(claims).where(eq(claims.id, claimId)).get()?.s).toBe("false");
    // Approved, it is history: the append-only trigger guards it like any published event.
    expect(() => getDb().update(statusEvents).set({ rationale: "rewritten" }).where(eq(statusEvents.id, recorded.eventId)).run()).toThrow(/append-only/);
    expect(auditActions("review")).toEqual(["review.submit_status_event", "review.approve_status_event"]);
  });

  it("asks for a review when a draft is published, and a reviewer who wrote the event cannot approve it", async () => {
    const { admin, author, reviewer, claimId } = desk();
    const draft = recordStatusEvent(reviewer, eventInput(claimId, { visibility: "draft" }));
    setSecondApproval(admin, { required: true });
    expect(publishDraftEvent(author, draft.eventId)).toMatchObject({ held: true });
    const reviewId = listReviewsWaitingForMe(admin).find((r) => r.subjectType === "status_event")!.reviewId;
    // Submitted by the author, but written by the reviewer: neither is a second pair of eyes.
    expect(listReviewsWaitingForMe(reviewer)).toEqual([]);
    expect(await attempt(() => approveReview(reviewer, { reviewId }))).toBeInstanceOf(ForbiddenError);
    approveReview(admin, { reviewId });
    const row = getDb().select().from(statusEvents).where(and(eq(statusEvents.id, draft.eventId), eq(statusEvents.visibility, "published"))).get();
    expect(row).toBeDefined();
  });

  it("refuses the switch to editors", async () => {
    const { author } = desk();
    expect(await attempt(() => setSecondApproval(author, { required: true }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("assignment", () => {
  it("assigns a claim to an editor, audited, and lists it for them", () => {
    const { author, reviewer, article, claimId } = desk();
    assignClaim(author, { claimId, assigneeId: reviewer.userId });
    expect(listClaimsAssignedToMe(reviewer)).toEqual([expect.objectContaining({ claimId, articleId: article.id, articleTitle: article.title })]);
    expect(listClaimsAssignedToMe(author)).toEqual([]);
    assignClaim(author, { claimId, assigneeId: null });
    expect(listClaimsAssignedToMe(reviewer)).toEqual([]);
    expect(auditActions("claim").filter((a) => a === "claim.assign")).toHaveLength(2);
  });

  it("refuses an unknown assignee", async () => {
    const { author, claimId } = desk();
    expect(await attempt(() => assignClaim(author, { claimId, assigneeId: "nobody" }))).toBeInstanceOf(ValidationError);
  });
});
