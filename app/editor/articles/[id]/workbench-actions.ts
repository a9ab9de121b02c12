"use server";

import { editorCommand } from "@/app/_lib/editor-command";
import { addMention } from "@/db/claims/add-mention";
import { bulkSetKind } from "@/db/claims/bulk-set-kind";
import { createClaimFromSpan } from "@/db/claims/create-claim-from-span";
import { deleteClaim, restoreClaim } from "@/db/claims/delete-claim";
import { linkMentionToClaim } from "@/db/claims/link-mention";
import { mergeClaims } from "@/db/claims/merge-claims";
import { reorderMentions } from "@/db/claims/reorder-mentions";
import { splitClaim } from "@/db/claims/split-claim";
import { unlinkMention } from "@/db/claims/unlink-mention";
import { updateClaim } from "@/db/claims/update-claim";
import { bulkStatusInput, recordStatusBulk } from "@/db/events/record-status-bulk";
import { reattachMention, removeMention } from "@/db/mentions/reattach-mention";
import { dismissSuggestion } from "@/db/suggestions/dismiss-suggestion";
import {
  addMentionInput,
  bulkKindInput,
  claimFromSpanInput,
  claimRefInput,
  claimUpdateInput,
  dismissSuggestionInput,
  linkMentionInput,
  mentionRefInput,
  mergeClaimsInput,
  reattachMentionInput,
  reorderInput,
  splitClaimInput,
  unlinkMentionInput,
} from "@/lib/workbench-input";

// The workbench's mutations, called from TanStack Query. Each is one data-access call, which authorises.

export const createClaimFromSpanCommand = editorCommand(claimFromSpanInput, createClaimFromSpan);
export const addMentionCommand = editorCommand(addMentionInput, addMention);
export const updateClaimCommand = editorCommand(claimUpdateInput, updateClaim);
export const deleteClaimCommand = editorCommand(claimRefInput, async (actor, input) => deleteClaim(actor, input.claimId));
export const restoreClaimCommand = editorCommand(claimRefInput, async (actor, input) => restoreClaim(actor, input.claimId));
export const reorderMentionsCommand = editorCommand(reorderInput, reorderMentions);
export const splitClaimCommand = editorCommand(splitClaimInput, splitClaim);
export const mergeClaimsCommand = editorCommand(mergeClaimsInput, mergeClaims);
export const bulkSetKindCommand = editorCommand(bulkKindInput, bulkSetKind);
export const bulkStatusCommand = editorCommand(bulkStatusInput, recordStatusBulk);
export const reattachMentionCommand = editorCommand(reattachMentionInput, reattachMention);
export const removeMentionCommand = editorCommand(mentionRefInput, async (actor, input) => removeMention(actor, input.mentionId));
export const dismissSuggestionCommand = editorCommand(dismissSuggestionInput, dismissSuggestion);
export const linkMentionCommand = editorCommand(linkMentionInput, linkMentionToClaim);
export const unlinkMentionCommand = editorCommand(unlinkMentionInput, unlinkMention);
