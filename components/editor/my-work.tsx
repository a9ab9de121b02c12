import Link from "next/link";
import type { AssignedClaimDto } from "@/db/claims/assign-claim";
import type { ReviewWaitingDto } from "@/db/reviews/list-reviews";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { formatDate, formatTimestamp } from "@/lib/format";
import { ReviewDecision } from "./review-decision";
import type { FormAction } from "./types";
import type { ReviewDecisionDto } from "@/db/reviews/decide-review";

interface MyWorkProps {
  assigned: AssignedClaimDto[];
  reviews: ReviewWaitingDto[];
  statuses: StatusDto[];
  approve: FormAction<ReviewDecisionDto>;
  sendBack: FormAction<ReviewDecisionDto>;
}

/** The top of /editor: the reviews waiting for this editor, then the claims assigned to them. */
export function MyWork({ assigned, reviews, statuses, approve, sendBack }: MyWorkProps) {
  const status = statusLookup(statuses);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="reviews-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="reviews-heading" className="mb-3 text-lg font-semibold">
          Waiting for my review ({reviews.length})
        </h2>
        {reviews.length === 0 ? (
          <p className="text-sm text-[var(--color-muted)]">Nothing is waiting for you.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {reviews.map((r) => (
              <li key={r.reviewId} className="flex flex-col gap-2 border-b border-[var(--color-rule)] pb-4 last:border-0 last:pb-0">
                <p className="text-sm text-[var(--color-muted)]">
                  {r.subjectType === "article" ? "Article to publish" : "Status to publish"} · submitted{r.requestedByName ? ` by ${r.requestedByName}` : ""} {formatTimestamp(r.requestedAt)}
                </p>
                <p className="font-medium">
                  <Link href={r.href} className="underline">
                    {r.title}
                  </Link>
                </p>
                {r.statusKey ? (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={status(r.statusKey)} /> {r.effectiveDate ? `from ${formatDate(r.effectiveDate)}` : null}
                  </p>
                ) : null}
                {r.previewHref ? (
                  <Link href={r.previewHref} className="text-sm underline">
                    Open the preview
                  </Link>
                ) : null}
                <ReviewDecision reviewId={r.reviewId} subject={r.title} approve={approve} sendBack={sendBack} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="assigned-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="assigned-heading" className="mb-3 text-lg font-semibold">
          Assigned to me ({assigned.length})
        </h2>
        {assigned.length === 0 ? (
          <p className="text-sm text-[var(--color-muted)]">No claims are assigned to you.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {assigned.map((c) => (
              <li key={c.claimId} className="flex flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={status(c.currentStatus)} />
                  <Link href={`/editor/claims/${c.claimId}`} className="font-medium underline">
                    {c.statement}
                  </Link>
                </span>
                {c.articleId ? (
                  <Link href={`/editor/articles/${c.articleId}`} className="text-sm text-[var(--color-muted)] underline">
                    In {c.articleTitle}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
