import { and, eq } from "drizzle-orm";
import { attempt } from "../../test/attempt";
import { refusal } from "../../test/refusal";
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
import { firstRow } from "../rows";

async function auditActions(entityType: string): Promise<string[]> {
  return (await getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityType, entityType)))
    .map((r) => r.action);
}

async function desk() {
  const admin = await makeUser("admin");
  const author = await makeUser("editor");
  const reviewer = await makeUser("editor");
  const article = await makeArticle(author, { status: "draft" });
  const { claimId } = await makeClaim(author, article.id);
  return { admin, author, reviewer, article, claimId };
}

describe("publishing without a second approval", () => {
  it("publishes and unpublishes through the article's version, audited, and readers follow", async () => {
    const { author, article } = await desk();
    expect(await getPublishedArticle(article.slug)).toBeNull();
    const published = await publishArticle(author, { id: article.id, version: article.version });
    expect(published).toMatchObject({ status: "published", version: article.version + 1, pendingReview: false });
    expect((await getPublishedArticle(article.slug))?.title).toBe(article.title);
    await unpublishArticle(author, { id: article.id, version: published.version });
    expect(await getPublishedArticle(article.slug)).toBeNull();
    expect(await auditActions("article")).toEqual(["article.create", "article.publish", "article.unpublish"]);
  });

  it("refuses a publish from a stale version and writes nothing", async () => {
    const { author, reviewer, article } = await desk();
    await updateArticle(reviewer, articleUpdateInput.parse({ id: article.id, version: article.version, title: "Changed", language: "zh-Hans", body: article.body }));
    const error = await attempt(async () => publishArticle(author, { id: article.id, version: article.version }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(await listPublishedArticles()).toEqual([]);
    expect(await auditActions("article")).not.toContain("article.publish");
  });
});

describe("with a second editor's approval required", () => {
  it("holds the author's article until another editor approves it; the author cannot approve their own", async () => {
    const { admin, author, reviewer, article } = await desk();
    await setSecondApproval(admin, { required: true });
    expect(await attempt(async () => publishArticle(author, { id: article.id, version: article.version }))).toBeInstanceOf(ForbiddenError);

    const submitted = await submitArticleForReview(author, { id: article.id, version: article.version });
    expect(submitted).toMatchObject({ status: "draft", pendingReview: true });
    expect(await getPublishedArticle(article.slug)).toBeNull();
    expect(await listPublishedArticles()).toEqual([]);
    expect((await listArticlesForEditor(reviewer)).find((a) => a.id === article.id)).toMatchObject({ status: "draft", pendingReview: true });

    const state = await getArticleReviewState(author, article.id);
    expect(state).toMatchObject({ required: true, open: { mine: true } });
    expect(await listReviewsWaitingForMe(author)).toEqual([]);
    const [waiting] = await listReviewsWaitingForMe(reviewer);
    expect(waiting).toMatchObject({ subjectType: "article", title: article.title, previewHref: `/editor/articles/${article.id}/preview` });

    expect(await attempt(async () => approveReview(author, { reviewId: waiting!.reviewId }))).toBeInstanceOf(ForbiddenError);
    expect(await getPublishedArticle(article.slug)).toBeNull();

    await approveReview(reviewer, { reviewId: waiting!.reviewId });
    expect((await getPublishedArticle(article.slug))?.title).toBe(article.title);
    expect(await listReviewsWaitingForMe(reviewer)).toEqual([]);
    const approval = await firstRow(getDb().select().from(auditLog).where(eq(auditLog.action, "review.approve_article")));
    expect(approval?.actorId).toBe(reviewer.userId);
    expect(await auditActions("setting")).toEqual(["setting.update"]);
    expect(await auditActions("review")).toEqual(["review.submit_article", "review.approve_article"]);
  });

  it("refuses the article form's way around the review (State: published) and a direct create as published", async () => {
    const { admin, author, article } = await desk();
    await setSecondApproval(admin, { required: true });
    const viaForm = await attempt(() =>
      updateArticle(author, articleUpdateInput.parse({ id: article.id, version: article.version, title: article.title, language: "zh-Hans", body: article.body, status: "published" })),
    );
    expect(viaForm).toBeInstanceOf(ForbiddenError);
    const created = await attempt(() => createArticle(author, articleInput.parse({ title: "Straight out", language: "en", body: "Body.", status: "published" })));
    expect(created).toBeInstanceOf(ForbiddenError);
    expect(await listPublishedArticles()).toEqual([]);
  });

  it("sends an article back only with a comment, and an edit after submitting must be submitted again", async () => {
    const { admin, author, reviewer, article } = await desk();
    await setSecondApproval(admin, { required: true });
    await submitArticleForReview(author, { id: article.id, version: article.version });
    const reviewId = (await listReviewsWaitingForMe(reviewer))[0]!.reviewId;
    expect(await attempt(async () => sendBackReview(reviewer, { reviewId, comment: "   " }))).toBeInstanceOf(ValidationError);
    await sendBackReview(reviewer, { reviewId, comment: "Source the second claim." });
    expect(await getArticleReviewState(author, article.id)).toMatchObject({ open: null, sentBack: { comment: "Source the second claim." } });

    await submitArticleForReview(author, { id: article.id, version: article.version });
    const edited = await updateArticle(author, articleUpdateInput.parse({ id: article.id, version: article.version, title: "Edited after submitting", language: "zh-Hans", body: article.body }));
    const second = (await listReviewsWaitingForMe(reviewer))[0]!.reviewId;
    expect(await attempt(async () => approveReview(reviewer, { reviewId: second }))).toBeInstanceOf(ConflictError);
    expect(await getPublishedArticle(article.slug)).toBeNull();
    await submitArticleForReview(author, { id: article.id, version: edited.version });
    await approveReview(reviewer, { reviewId: (await listReviewsWaitingForMe(reviewer))[0]!.reviewId });
    expect((await getPublishedArticle(article.slug))?.title).toBe("Edited after submitting");
  });

  it("holds a status event as a draft, invisible to readers, until another editor approves it", async () => {
    const { admin, author, reviewer, article, claimId } = await desk();
    await publishArticle(author, { id: article.id, version: article.version });
    await setSecondApproval(admin, { required: true });
    const recorded = await recordStatusEvent(author, eventInput(claimId, { statusKey: "false" }));
    expect(recorded).toMatchObject({ held: true, currentStatus: "unverified" });
    const row = (await firstRow(getDb().select().from(statusEvents).where(eq(statusEvents.id, recorded.eventId))))!;
    expect(row.visibility).toBe("draft");
    // Every reader path: claim page, article page, tracker (status filter), desk feed.
    expect((await getPublicClaim(claimId))?.timeline).toEqual([]);
    expect((await getPublishedArticle(article.slug))?.claims[0]?.currentStatus).toBe("unverified");
    expect((await listPublishedClaims(parseTrackerQuery({ status: "false" }))).items).toEqual([]);
    expect((await feedEvents({ kind: "desk" })).events.filter((e) => e.claimId === claimId)).toEqual([]);

    const waiting = (await listReviewsWaitingForMe(reviewer)).find((r) => r.subjectType === "status_event")!;
    expect(waiting).toMatchObject({ statusKey: "false", href: `/editor/claims/${claimId}` });
    expect(await attempt(async () => approveReview(author, { reviewId: waiting.reviewId }))).toBeInstanceOf(ForbiddenError);
    await approveReview(reviewer, { reviewId: waiting.reviewId });
    expect((await getPublicClaim(claimId))?.timeline.map((e) => e.statusKey)).toEqual(["false"]);
    expect((await listPublishedClaims(parseTrackerQuery({ status: "false" }))).items.map((i) => i.id)).toEqual([claimId]);
    expect((await feedEvents({ kind: "desk" })).events.filter((e) => e.claimId === claimId)).toHaveLength(1);
    expect((await firstRow(getDb().select({ s: claims.currentStatus }).from(claims).where(eq(claims.id, claimId))))?.s).toBe("false");
    // Approved, it is history: the append-only trigger guards it like any published event.
    expect(await refusal(getDb().update(statusEvents).set({ rationale: "rewritten" }).where(eq(statusEvents.id, recorded.eventId)))).toMatch(/append-only/);
    expect(await auditActions("review")).toEqual(["review.submit_status_event", "review.approve_status_event"]);
  });

  it("asks for a review when a draft is published, and a reviewer who wrote the event cannot approve it", async () => {
    const { admin, author, reviewer, claimId } = await desk();
    const draft = await recordStatusEvent(reviewer, eventInput(claimId, { visibility: "draft" }));
    await setSecondApproval(admin, { required: true });
    expect(await publishDraftEvent(author, draft.eventId)).toMatchObject({ held: true });
    const reviewId = (await listReviewsWaitingForMe(admin)).find((r) => r.subjectType === "status_event")!.reviewId;
    // Submitted by the author, but written by the reviewer: neither is a second pair of eyes.
    expect(await listReviewsWaitingForMe(reviewer)).toEqual([]);
    expect(await attempt(async () => approveReview(reviewer, { reviewId }))).toBeInstanceOf(ForbiddenError);
    await approveReview(admin, { reviewId });
    const row = await firstRow(getDb().select().from(statusEvents).where(and(eq(statusEvents.id, draft.eventId), eq(statusEvents.visibility, "published"))));
    expect(row).toBeDefined();
  });

  it("refuses the switch to editors", async () => {
    const { author } = await desk();
    expect(await attempt(async () => setSecondApproval(author, { required: true }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("assignment", () => {
  it("assigns a claim to an editor, audited, and lists it for them", async () => {
    const { author, reviewer, article, claimId } = await desk();
    await assignClaim(author, { claimId, assigneeId: reviewer.userId });
    expect(await listClaimsAssignedToMe(reviewer)).toEqual([expect.objectContaining({ claimId, articleId: article.id, articleTitle: article.title })]);
    expect(await listClaimsAssignedToMe(author)).toEqual([]);
    await assignClaim(author, { claimId, assigneeId: null });
    expect(await listClaimsAssignedToMe(reviewer)).toEqual([]);
    expect((await auditActions("claim")).filter((a) => a === "claim.assign")).toHaveLength(2);
  });

  it("refuses an unknown assignee", async () => {
    const { author, claimId } = await desk();
    expect(await attempt(async () => assignClaim(author, { claimId, assigneeId: "nobody" }))).toBeInstanceOf(ValidationError);
  });
});
