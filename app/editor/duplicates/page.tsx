import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { MergePairForm } from "@/components/editor/merge-pair-form";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { listLikelyDuplicates } from "@/db/claims/duplicate-claims";
import type { MatchedClaimDto } from "@/db/claims/claim-match-rows";
import { listStatuses, type StatusDto } from "@/db/statuses/list-statuses";
import { mergeDuplicateAction } from "./actions";

export const metadata: Metadata = { title: "Likely duplicate claims" };

/** Desk-wide: pairs of claims that read alike, most alike first, each with a merge. */
export default async function DuplicatesPage() {
  const user = await requireSessionUser("/editor/duplicates");
  const pairs = listLikelyDuplicates(user, {});
  const status = statusLookup(listStatuses());
  return (
    <>
      <h1 className="text-2xl font-semibold">Likely duplicate claims</h1>
      <p className="mt-1 max-w-prose text-sm text-[var(--color-muted)]">
        Claims across the desk whose statements and quotes share the most words and characters, most alike first. Merging keeps every event of both claims on one timeline and is recorded in the audit log; the merged claim’s
        page redirects to the one kept.
      </p>
      {pairs.length === 0 ? <p className="mt-6">No likely duplicates: every claim reads differently enough from the others.</p> : null}
      <ol className="mt-6 flex flex-col gap-4">
        {pairs.map(({ score, first, second }) => (
          <li key={`${first.id}-${second.id}`} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="duplicate-pair">
            <p className="text-sm font-medium">{Math.round(score * 100)}% alike</p>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <ClaimSummary claim={first} status={status} />
              <ClaimSummary claim={second} status={status} />
            </div>
            <MergePairForm first={first} second={second} action={mergeDuplicateAction} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ClaimSummary({ claim, status }: { claim: MatchedClaimDto; status: (key: string) => StatusDto }) {
  return (
    <div className="text-sm">
      <StatusBadge status={status(claim.currentStatus)} size="sm" />
      <p className="mt-1">
        <Link href={`/editor/claims/${claim.id}`} className="underline">
          #{claim.id} {claim.statement}
        </Link>
      </p>
      <p className="mt-1 text-[var(--color-muted)]">In {claim.articles.map((a) => a.title).join("; ")}</p>
    </div>
  );
}
