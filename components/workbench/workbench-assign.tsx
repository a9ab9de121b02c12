"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { assignClaimAction } from "@/app/editor/review-actions";
import { AssignClaimForm } from "@/components/editor/assign-claim-form";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import type { AssigneeDto } from "@/db/claims/assign-claim";
import { workbenchQueries } from "./queries";

/** The claim editor's "Assigned to": saved on its own (it is not a field of the claim's version). */
export function WorkbenchAssign({ claim, editors, articleId }: { claim: WorkbenchClaimDto; editors: AssigneeDto[]; articleId: number }) {
  const queryClient = useQueryClient();
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: workbenchQueries.detail(articleId).queryKey }), [queryClient, articleId]);
  return (
    <div className="border-t border-[var(--color-rule)] pt-3">
      <AssignClaimForm claimId={claim.claimId} assigneeId={claim.assigneeId ?? null} editors={editors} action={assignClaimAction} onSaved={refetch} />
    </div>
  );
}
