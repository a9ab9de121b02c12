/**
 * Every way in that changes data: server actions ("use server" exports) and route handlers
 * for POST, PUT, PATCH and DELETE. Each names the one data-access mutation it calls; that
 * function authorises inside its transaction, and db/authorization.test.ts proves it refuses
 * anonymous visitors, deactivated accounts and wrong roles without writing anything.
 *
 * app/_lib/entry-points.test.ts walks app/ and fails when an action or a mutating route is
 * missing here, or when an entry names a mutation the authorization matrix does not cover.
 * A public entry says why it needs no account.
 */
export type EntryPoint = { id: string; mutation: string } | { id: string; public: string };

export const ENTRY_POINTS: EntryPoint[] = [
  // Forms
  { id: "app/editor/actions.ts#createArticleAction", mutation: "createArticle" },
  { id: "app/editor/actions.ts#importArticleAction", mutation: "importArticleFromUrl" },
  { id: "app/editor/actions.ts#updateArticleAction", mutation: "updateArticle" },
  { id: "app/editor/actions.ts#recordStatusEventAction", mutation: "recordStatusEvent" },
  { id: "app/editor/actions.ts#publishDraftAction", mutation: "publishDraftEvent" },
  { id: "app/editor/actions.ts#deleteDraftAction", mutation: "deleteDraftEvent" },
  { id: "app/editor/actions.ts#recordObservationAction", mutation: "recordObservation" },
  { id: "app/editor/statuses/actions.ts#createStatusAction", mutation: "createStatus" },
  { id: "app/editor/statuses/actions.ts#updateStatusAction", mutation: "updateStatus" },
  { id: "app/editor/statuses/actions.ts#retireStatusAction", mutation: "retireStatus" },
  { id: "app/editor/statuses/actions.ts#reinstateStatusAction", mutation: "reinstateStatus" },
  { id: "app/editor/statuses/actions.ts#reorderStatusesAction", mutation: "reorderStatuses" },
  { id: "app/editor/claims/[id]/recheck-actions.ts#setRecheckByAction", mutation: "setRecheckBy" },
  { id: "app/editor/claims/[id]/mention-actions.ts#unlinkMentionAction", mutation: "unlinkMention" },
  { id: "app/editor/duplicates/actions.ts#mergeDuplicateAction", mutation: "mergeClaims" },
  { id: "app/editor/tokens/actions.ts#createApiTokenAction", mutation: "createApiToken" },
  { id: "app/editor/tokens/actions.ts#revokeApiTokenAction", mutation: "revokeApiToken" },
  { id: "app/editor/users/actions.ts#createUserAction", mutation: "createUser" },
  { id: "app/editor/users/actions.ts#changeUserRoleAction", mutation: "changeUserRole" },
  { id: "app/editor/users/actions.ts#deactivateUserAction", mutation: "deactivateUser" },
  { id: "app/editor/users/actions.ts#reactivateUserAction", mutation: "reactivateUser" },
  { id: "app/editor/users/actions.ts#setUserPasswordAction", mutation: "setUserPassword" },
  { id: "app/editor/account/actions.ts#updateOwnProfileAction", mutation: "updateOwnProfile" },
  { id: "app/editor/review-actions.ts#publishArticleAction", mutation: "publishArticle" },
  { id: "app/editor/review-actions.ts#unpublishArticleAction", mutation: "unpublishArticle" },
  { id: "app/editor/review-actions.ts#submitArticleForReviewAction", mutation: "submitArticleForReview" },
  { id: "app/editor/review-actions.ts#approveReviewAction", mutation: "approveReview" },
  { id: "app/editor/review-actions.ts#sendBackReviewAction", mutation: "sendBackReview" },
  { id: "app/editor/review-actions.ts#setSecondApprovalAction", mutation: "setSecondApproval" },
  { id: "app/editor/review-actions.ts#assignClaimAction", mutation: "assignClaim" },
  // Workbench commands (TanStack Query mutations)
  { id: "app/editor/articles/[id]/workbench-actions.ts#createClaimFromSpanCommand", mutation: "createClaimFromSpan" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#addMentionCommand", mutation: "addMention" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#updateClaimCommand", mutation: "updateClaim" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#deleteClaimCommand", mutation: "deleteClaim" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#restoreClaimCommand", mutation: "restoreClaim" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#reorderMentionsCommand", mutation: "reorderMentions" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#splitClaimCommand", mutation: "splitClaim" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#mergeClaimsCommand", mutation: "mergeClaims" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#bulkSetKindCommand", mutation: "bulkSetKind" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#bulkStatusCommand", mutation: "recordStatusBulk" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#reattachMentionCommand", mutation: "reattachMention" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#removeMentionCommand", mutation: "removeMention" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#dismissSuggestionCommand", mutation: "dismissSuggestion" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#linkMentionCommand", mutation: "linkMentionToClaim" },
  { id: "app/editor/articles/[id]/workbench-actions.ts#unlinkMentionCommand", mutation: "unlinkMention" },
  // JSON API
  { id: "POST /api/v1/articles", mutation: "createArticle" },
  { id: "POST /api/v1/articles/[id]/claims", mutation: "createClaimWithMention" },
  { id: "POST /api/v1/claims/[id]/events", mutation: "recordStatusEvent" },
  { id: "POST /editor/backup/restore", mutation: "importBackup" },
  // Public by design
  { id: "POST /api/v1/suggest", public: "Ranks the text it is sent and stores nothing; size-capped and rate-limited." },
  { id: "POST /api/auth/[...all]", public: "Only sign-in (the form's throttle, db/sign-in) and sign-out are open; every other Better Auth endpoint answers 404." },
  { id: "app/sign-in/actions.ts#signInAction", public: "Signing in; throttled per account and per address in the database (db/sign-in/throttle.ts)." },
  { id: "app/sign-in/actions.ts#signOutAction", public: "Ends the caller's own session only." },
  { id: "app/setup/actions.ts#setupAction", public: "Creates the first admin; refused once any account exists (createFirstAdmin)." },
];
