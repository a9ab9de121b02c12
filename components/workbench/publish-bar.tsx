"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState } from "react";
import { ReviewDecision } from "@/components/editor/review-decision";
import type { FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { PublishResultDto } from "@/db/articles/publish-article";
import type { WorkbenchDto } from "@/db/articles/workbench";
import type { ReviewDecisionDto } from "@/db/reviews/decide-review";
import type { ArticleReviewStateDto } from "@/db/reviews/list-reviews";
import { formatTimestamp } from "@/lib/format";
import { publishReadiness, type ReadinessClaim } from "@/lib/publish-readiness";
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
  const { data } = useQuery({ ...workbenchQueries.detail(initial.article.id), initialData: initial });
  // The article's state and version come from the page (refreshed after each action); claims from the live cache.
  const { id, slug, status, version, title } = initial.article;
  const [publishState, publishAction, publishing] = useActionState(actions.publish, null);
  const [unpublishState, unpublishAction, unpublishing] = useActionState(actions.unpublish, null);
  const [submitState, submitAction, submitting] = useActionState(actions.submit, null);
  const pending = review.open !== null;
  const state = status === "published" ? "Published" : pending ? "Waiting for review" : "Draft";
  const readiness = publishReadiness(data.claims);

  return (
    <section aria-labelledby="publish-heading" className="flex flex-col gap-3 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="publish-bar">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="publish-heading" className="text-sm font-medium text-[var(--color-muted)]">
            Article state
          </h2>
          <p className="text-lg font-semibold" data-testid="article-state">
            {state}
          </p>
          <p className="text-sm text-[var(--color-muted)]">
            {status === "published" ? (
              <>
                Readers can see it.{" "}
                <Link href={`/articles/${encodeURIComponent(slug)}`} className="underline">
                  Reader view
                </Link>
              </>
            ) : pending ? (
              `Readers cannot see it until another editor approves it${review.open?.requestedByName ? ` (submitted by ${review.open.requestedByName}, ${formatTimestamp(review.open.requestedAt)})` : ""}.`
            ) : (
              "Readers cannot see it."
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ButtonLink href={`/editor/articles/${id}/preview`} variant="secondary">
            Preview
          </ButtonLink>
          {status === "published" ? (
            <ActionForm action={unpublishAction}>
              <ArticleRef id={id} version={version} />
              <Button type="submit" variant="secondary" disabled={unpublishing}>
                Unpublish
              </Button>
            </ActionForm>
          ) : review.required ? (
            pending ? null : (
              <ActionForm action={submitAction}>
                <ArticleRef id={id} version={version} />
                <Button type="submit" disabled={submitting}>
                  Submit for review
                </Button>
              </ActionForm>
            )
          ) : (
            <ActionForm action={publishAction}>
              <ArticleRef id={id} version={version} />
              <Button type="submit" disabled={publishing}>
                Publish
              </Button>
            </ActionForm>
          )}
        </div>
      </div>
      {review.required && status !== "published" && !pending ? (
        <p className="text-sm">This desk requires a second editor&rsquo;s approval: submitting asks another editor to check the article and publish it.</p>
      ) : null}
      {review.sentBack && status !== "published" && !pending ? (
        <div role="note" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-stone-900">
          <p className="font-medium">Sent back{review.sentBack.byName ? ` by ${review.sentBack.byName}` : ""} on {formatTimestamp(review.sentBack.at)}:</p>
          <p className="mt-1 whitespace-pre-line">{review.sentBack.comment}</p>
        </div>
      ) : null}
      {review.open && !review.open.mine && status !== "published" ? (
        <div className="rounded-md border border-[var(--color-rule)] p-3">
          <p className="mb-2 text-sm font-medium">Your review: check the preview, then approve it or send it back.</p>
          <ReviewDecision reviewId={review.open.reviewId} subject={title} approve={actions.approve} sendBack={actions.sendBack} />
        </div>
      ) : null}
      {review.open?.mine && status !== "published" ? <p className="text-sm">You submitted this article: another editor must approve it. You cannot approve your own.</p> : null}
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

const CHECKS = [
  { key: "noStatus", label: "No status yet", why: "Nobody has recorded a status: readers see these claims as Unverified." },
  { key: "orphaned", label: "Orphaned mentions", why: "Their words are gone from the edited body: readers do not see them highlighted. Re-attach or remove them." },
  { key: "unedited", label: "Statement not edited", why: "The statement is still the quoted words: write the checkable claim in a sentence readers understand." },
] as const;

/** Warnings, not blockers: a desk may publish claims still being checked. */
function ReadinessSummary({ readiness, total }: { readiness: ReturnType<typeof publishReadiness>; total: number }) {
  const open = CHECKS.filter((c) => readiness[c.key].length > 0);
  return (
    <details className="text-sm" open={open.length > 0} data-testid="readiness">
      <summary className="cursor-pointer font-medium">
        Before publishing: {open.length === 0 ? `all ${total} claims are ready` : `${open.reduce((n, c) => n + readiness[c.key].length, 0)} things to look at (warnings, not blockers)`}
      </summary>
      <ul className="mt-2 flex flex-col gap-2">
        {CHECKS.map((check) => (
          <li key={check.key}>
            <span className="font-medium">
              {check.label}: {readiness[check.key].length}
            </span>
            <span className="text-[var(--color-muted)]"> · {check.why}</span>
            {readiness[check.key].length > 0 ? <ClaimNames claims={readiness[check.key]} /> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ClaimNames({ claims }: { claims: ReadinessClaim[] }) {
  return (
    <ul className="ml-4 list-disc">
      {claims.slice(0, 5).map((c) => (
        <li key={`${c.claimId}-${c.exact}`}>
          <Link href={`/editor/claims/${c.claimId}`} className="underline">
            {c.statement}
          </Link>
        </li>
      ))}
      {claims.length > 5 ? <li>and {claims.length - 5} more</li> : null}
    </ul>
  );
}
