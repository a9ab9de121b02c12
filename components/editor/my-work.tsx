import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AssignedClaimDto } from "@/db/claims/assign-claim";
import type { ReviewWaitingDto } from "@/db/reviews/list-reviews";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { withLocale } from "@/lib/i18n/locale-href";
import { localDate, localTimestamp } from "./local-dates";
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
export async function MyWork({ assigned, reviews, statuses, approve, sendBack }: MyWorkProps) {
  const [t, locale] = await Promise.all([getTranslations("editor.myWork"), getLocale()]);
  const status = statusLookup(statuses);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="reviews-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="reviews-heading" className="mb-3 text-lg font-semibold">
          {t("reviewsHeading", { count: reviews.length })}
        </h2>
        {reviews.length === 0 ? (
          <p className="text-sm text-[var(--color-muted)]">{t("noReviews")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {reviews.map((r) => (
              <li key={r.reviewId} className="flex flex-col gap-2 border-b border-[var(--color-rule)] pb-4 last:border-0 last:pb-0">
                <p className="text-sm text-[var(--color-muted)]">
                  {r.subjectType === "article" ? t("articleToPublish") : t("statusToPublish")} ·{" "}
                  {r.requestedByName ? t("submittedBy", { name: r.requestedByName, at: localTimestamp(r.requestedAt, locale) }) : t("submitted", { at: localTimestamp(r.requestedAt, locale) })}
                </p>
                <p className="font-medium">
                  <Link href={withLocale(r.href, locale)} className="underline">
                    {r.title}
                  </Link>
                </p>
                {r.statusKey ? (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={status(r.statusKey)} /> {r.effectiveDate ? t("from", { date: localDate(r.effectiveDate, locale) }) : null}
                  </p>
                ) : null}
                {r.previewHref ? (
                  <Link href={withLocale(r.previewHref, locale)} className="text-sm underline">
                    {t("openPreview")}
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
          {t("assignedHeading", { count: assigned.length })}
        </h2>
        {assigned.length === 0 ? (
          <p className="text-sm text-[var(--color-muted)]">{t("noAssigned")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {assigned.map((c) => (
              <li key={c.claimId} className="flex flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={status(c.currentStatus)} />
                  <Link href={withLocale(`/editor/claims/${c.claimId}`, locale)} className="font-medium underline">
                    {c.statement}
                  </Link>
                </span>
                {c.articleId ? (
                  <Link href={withLocale(`/editor/articles/${c.articleId}`, locale)} className="text-sm text-[var(--color-muted)] underline">
                    {t("inArticle", { title: c.articleTitle ?? "" })}
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
