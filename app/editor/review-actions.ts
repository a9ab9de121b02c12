"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { publishArticle, submitArticleForReview, unpublishArticle } from "@/db/articles/publish-article";
import { assignClaim } from "@/db/claims/assign-claim";
import { approveReview, sendBackReview } from "@/db/reviews/decide-review";
import { setSecondApproval } from "@/db/reviews/second-approval-setting";
import { articleRefInput, assignClaimInput, reviewRefInput, secondApprovalInput, sendBackInput } from "@/lib/review-input";

// Publishing, review and assignment. Each is one data-access call, which authorises and audits.

const articlePaths = (result: { id: number; slug: string }) => [`/editor/articles/${result.id}`, `/editor/articles/${result.id}/preview`, `/articles/${encodeURIComponent(result.slug)}`, "/", "/editor"];

export const publishArticleAction = editorAction({
  schema: articleRefInput,
  run: publishArticle,
  successMessage: "articlePublished",
  revalidate: articlePaths,
});

export const unpublishArticleAction = editorAction({
  schema: articleRefInput,
  run: unpublishArticle,
  successMessage: "articleUnpublished",
  revalidate: articlePaths,
});

export const submitArticleForReviewAction = editorAction({
  schema: articleRefInput,
  run: submitArticleForReview,
  successMessage: "submittedForReview",
  revalidate: articlePaths,
});

const decisionPaths = (result: { subjectType: string; subjectId: number; claimId: number | null; slug: string | null }) =>
  result.subjectType === "article"
    ? ["/editor", `/editor/articles/${result.subjectId}`, ...(result.slug ? [`/articles/${encodeURIComponent(result.slug)}`, "/"] : [])]
    : ["/editor", `/editor/claims/${result.claimId}`, `/claims/${result.claimId}`];

export const approveReviewAction = editorAction({
  schema: reviewRefInput,
  run: approveReview,
  successMessage: "approved",
  revalidate: decisionPaths,
});

export const sendBackReviewAction = editorAction({
  schema: sendBackInput,
  run: sendBackReview,
  successMessage: "sentBack",
  revalidate: decisionPaths,
});

export const setSecondApprovalAction = editorAction({
  schema: secondApprovalInput,
  run: setSecondApproval,
  successMessage: "deskSettingsSaved",
  revalidate: () => ["/editor/desk", "/editor"],
});

export const assignClaimAction = editorAction({
  schema: assignClaimInput,
  run: assignClaim,
  successMessage: "assignmentSaved",
  revalidate: (result) => [`/editor/claims/${result.claimId}`, "/editor"],
});
