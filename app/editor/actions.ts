"use server";

import { z } from "zod";
import { editorAction } from "@/app/_lib/editor-action";
import { createArticle } from "@/db/articles/create-article";
import { updateArticle } from "@/db/articles/update-article";
import { importArticleFromUrl, importUrlInput } from "@/db/intake/import-article";
import { recordStatusEvent } from "@/db/events/record-status-event";
import { deleteDraftEvent, publishDraftEvent } from "@/db/events/draft-events";
import { recordObservation } from "@/db/events/record-observation";
import { observationInput } from "@/lib/observation-input";
import { articleInput, articleUpdateInput, idParam, statusEventInput } from "@/lib/validation";

const eventRef = z.object({ eventId: idParam });

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
  successMessage: "articleSaved",
  revalidate: (article) => [`/editor/articles/${article.id}`, `/articles/${encodeURIComponent(article.slug)}`, "/"],
});

export const recordStatusEventAction = editorAction({
  schema: statusEventInput,
  run: recordStatusEvent,
  successMessage: (recorded) => (recorded.held ? "statusHeld" : "statusRecorded"),
  revalidate: (recorded) => [`/editor/claims/${recorded.claimId}`, `/claims/${recorded.claimId}`],
});

export const publishDraftAction = editorAction({
  schema: eventRef,
  run: async (actor, input) => publishDraftEvent(actor, input.eventId),
  successMessage: (result) => (result.held ? "submittedForReview" : "draftPublished"),
  revalidate: (result) => [`/editor/claims/${result.claimId}`, `/claims/${result.claimId}`],
});

export const deleteDraftAction = editorAction({
  schema: eventRef,
  run: async (actor, input) => deleteDraftEvent(actor, input.eventId),
  successMessage: "draftDiscarded",
  revalidate: (result) => [`/editor/claims/${result.claimId}`],
});

export const recordObservationAction = editorAction({
  schema: observationInput,
  run: recordObservation,
  successMessage: "valueRecorded",
  revalidate: (result) => [`/editor/claims/${result.claimId}`, `/claims/${result.claimId}`],
});
