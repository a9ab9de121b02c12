"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { createArticle } from "@/db/articles/create-article";
import { updateArticle } from "@/db/articles/update-article";
import { createClaimWithMention } from "@/db/claims/create-claim-with-mention";
import { recordStatusEvent } from "@/db/events/record-status-event";
import { articleInput, articleUpdateInput, claimWithMentionInput, statusEventInput } from "@/lib/validation";

// Every editor mutation reachable from a form. Each is one data-access call, which authorises.

export const createArticleAction = editorAction({
  schema: articleInput,
  run: createArticle,
  redirectTo: (article) => `/editor/articles/${article.id}`,
});

export const updateArticleAction = editorAction({
  schema: articleUpdateInput,
  run: updateArticle,
  successMessage: "Article saved.",
  revalidate: (article) => [`/editor/articles/${article.id}`, `/articles/${article.slug}`, "/"],
});

export const createClaimAction = editorAction({
  schema: claimWithMentionInput,
  run: createClaimWithMention,
  successMessage: "Claim added.",
  revalidate: (created) => [`/editor/claims/${created.claimId}`],
});

export const recordStatusEventAction = editorAction({
  schema: statusEventInput,
  run: recordStatusEvent,
  successMessage: "Status recorded.",
  revalidate: (recorded) => [`/editor/claims/${recorded.claimId}`, `/claims/${recorded.claimId}`],
});
