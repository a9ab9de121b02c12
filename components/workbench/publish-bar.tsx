"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ReviewDecision } from "@/components/editor/review-decision";
import type { FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { PublishResultDto } from "@/db/articles/publish-article";
import type { WorkbenchDto } from "@/db/articles/workbench";
import type { ReviewDecisionDto } from "@/db/reviews/decide-review";
import type { ArticleReviewStateDto } from "@/db/reviews/list-reviews";
import { publishReadiness, type ReadinessClaim } from "@/lib/publish-readiness";
import { withLocale } from "@/lib/i18n/locale-href";
import { localTimestamp } from "@/components/editor/local-dates";
import { workbenchQueries } from "./queries";

export interface PublishActions {
  publish: FormAction<PublishResultDto>;
  unpublish: FormAction<PublishResultDto>;
  submit: FormAction<PublishResultDto>;
  approve: FormAction<ReviewDecisionDto>;
  sendBack: FormAction<ReviewDecisionDto>;
}

interface PublishBarProps {
  /** The workbench as the page loaded it: the bar reads the same live cache as the workbench, so the summary follows every claim edit. */
  initial: WorkbenchDto;
  review: ArticleReviewStateDto;
  actions: PublishActions;
}

/**
 * The article's state at the top of the workbench, with what to do next: Publish (or, when the
 * desk requires a second approval, Submit for review), Unpublish, or a reviewer's decision.
 * Before publishing, a readiness summary lists what readers would see unfinished.
 */
export function PublishBar({ initial, review, actions }: PublishBarProps) {
  const t = useTranslations("workbench.publish");
  const locale = useLocale();
  const when = (iso: string) => localTimestamp(iso, locale);
  const { data } = useQuery({ ...workbenchQueries.detail(initial.article.id), initialData: initial });
  // The article's state and version come from the page (refreshed after each action); claims from the live cache.
  const { id, slug, status, version, title } = initial.article;
  const [publishState, publishAction, publishing] = useActionState(actions.publish, null);
  const [unpublishState, unpublishAction, unpublishing] = useActionState(actions.unpublish, null);
  const [submitState, submitAction, submitting] = useActionState(actions.submit, null);
  const pending = review.open !== null;
  const state = status === "published" ? t("published") : pending ? t("waiting") : t("draft");
  const readiness = publishReadiness(data.claims);

  return (
    <section aria-labelledby="publish-heading" className="flex flex-col gap-3 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="publish-bar">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="publish-heading" className="text-sm font-medium text-[var(--color-muted)]">
            {t("heading")}
          </h2>
          <p className="text-lg font-semibold" data-testid="article-state">
            {state}
          </p>
          <p className="text-sm text-[var(--color-muted)]">
            {status === "published" ? (
              <>
                {t("readersSee")}{" "}
                <Link href={withLocale(`/articles/${encodeURIComponent(slug)}`, locale)} className="underline">
                  {t("readerView")}
                </Link>
              </>
            ) : pending ? (
              review.open?.requestedByName ? (
                t("waitingBy", { name: review.open.requestedByName, at: when(review.open.requestedAt) })
              ) : (
                t("waitingForApproval")
              )
            ) : (
              t("readersCannotSee")
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ButtonLink href={withLocale(`/editor/articles/${id}/preview`, locale)} variant="secondary">
            {t("preview")}
          </ButtonLink>
          {status === "published" ? (
            <ActionForm action={unpublishAction}>
              <ArticleRef id={id} version={version} />
              <Button type="submit" variant="secondary" disabled={unpublishing}>
                {t("unpublish")}
              </Button>
            </ActionForm>
          ) : review.required ? (
            pending ? null : (
              <ActionForm action={submitAction}>
                <ArticleRef id={id} version={version} />
                <Button type="submit" disabled={submitting}>
                  {t("submit")}
                </Button>
              </ActionForm>
            )
          ) : (
            <ActionForm action={publishAction}>
              <ArticleRef id={id} version={version} />
              <Button type="submit" disabled={publishing}>
                {t("publish")}
              </Button>
            </ActionForm>
          )}
        </div>
      </div>
      {review.required && status !== "published" && !pending ? (
        <p className="text-sm">{t("secondApproval")}</p>
      ) : null}
      {review.sentBack && status !== "published" && !pending ? (
        <div role="note" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-stone-900">
          <p className="font-medium">{review.sentBack.byName ? t("sentBackBy", { name: review.sentBack.byName, at: when(review.sentBack.at) }) : t("sentBack", { at: when(review.sentBack.at) })}</p>
          <p className="mt-1 whitespace-pre-line">{review.sentBack.comment}</p>
        </div>
      ) : null}
      {review.open && !review.open.mine && status !== "published" ? (
        <div className="rounded-md border border-[var(--color-rule)] p-3">
          <p className="mb-2 text-sm font-medium">{t("yourReview")}</p>
          <ReviewDecision reviewId={review.open.reviewId} subject={title} approve={actions.approve} sendBack={actions.sendBack} />
        </div>
      ) : null}
      {review.open?.mine && status !== "published" ? <p className="text-sm">{t("ownSubmission")}</p> : null}
      {status !== "published" ? <ReadinessSummary readiness={readiness} total={new Set(data.claims.map((c) => c.claimId)).size} /> : null}
      <FormStatus state={publishState ?? submitState ?? unpublishState} />
    </section>
  );
}

function ArticleRef({ id, version }: { id: number; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** Each check's name and explanation are workbench.readiness.<key>.label / .why. */
const CHECKS = ["noStatus", "orphaned", "unedited"] as const;

/** Warnings, not blockers: a desk may publish claims still being checked. */
function ReadinessSummary({ readiness, total }: { readiness: ReturnType<typeof publishReadiness>; total: number }) {
  const t = useTranslations("workbench.readiness");
  const open = CHECKS.filter((key) => readiness[key].length > 0);
  return (
    <details className="text-sm" open={open.length > 0} data-testid="readiness">
      <summary className="cursor-pointer font-medium">
        {open.length === 0 ? t("allReady", { total }) : t("toLookAt", { count: open.reduce((n, key) => n + readiness[key].length, 0) })}
      </summary>
      <ul className="mt-2 flex flex-col gap-2">
        {CHECKS.map((key) => (
          <li key={key}>
            <span className="font-medium">{t(`${key}.label`, { count: readiness[key].length })}</span>
            <span className="text-[var(--color-muted)]"> · {t(`${key}.why`)}</span>
            {readiness[key].length > 0 ? <ClaimNames claims={readiness[key]} /> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ClaimNames({ claims }: { claims: ReadinessClaim[] }) {
  const t = useTranslations("workbench.readiness");
  const locale = useLocale();
  return (
    <ul className="ml-4 list-disc">
      {claims.slice(0, 5).map((c) => (
        <li key={`${c.claimId}-${c.exact}`}>
          <Link href={withLocale(`/editor/claims/${c.claimId}`, locale)} className="underline">
            {c.statement}
          </Link>
        </li>
      ))}
      {claims.length > 5 ? <li>{t("andMore", { count: claims.length - 5 })}</li> : null}
    </ul>
  );
}
