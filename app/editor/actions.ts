"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { createArticle } from "@/db/articles/create-article";
import { updateArticle } from "@/db/articles/update-article";
import { importArticleFromUrl, importUrlInput } from "@/db/intake/import-article";
import { recordStatusEvent } from "@/db/events/record-status-event";
import { articleInput, articleUpdateInput, statusEventInput } from "@/lib/validation";

// Every editor mutation reachable from a form. Each is one data-access call, which authorises.

export const createArticleAction = editorAction({
  schema: articleInput,
  run: createArticle,
  redirectTo: (article) => `/editor/articles/${article.id}`,
});

export const importArticleAction = editorAction({
  schema: importUrlInput,
  run: importArticleFromUrl,
  redirectTo: (article) => `/editor/articles/${article.id}`,
});

export const updateArticleAction = editorAction({
  schema: articleUpdateInput,
  run: updateArticle,
  successMessage: "Article saved.",
  revalidate: (article) => [`/editor/articles/${article.id}`, `/articles/${encodeURIComponent(article.slug)}`, "/"],
});

export const recordStatusEventAction = editorAction({
  schema: statusEventInput,
  run: recordStatusEvent,
  successMessage: "Status recorded.",
  revalidate: (recorded) => [`/editor/claims/${recorded.claimId}`, `/claims/${recorded.claimId}`],
});
