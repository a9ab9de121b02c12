import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import { claimKindLabel } from "@/components/workbench/claim-kind-label";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/editor/event-form";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { getClaimForEditor } from "@/db/claims/editor-claim";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { AuditEntryList } from "@/components/audit/audit-entry-list";
import { listClaimHistory } from "@/db/audit-log/claim-history";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { deleteDraftAction, publishDraftAction, recordObservationAction, recordStatusEventAction } from "../../actions";
import { DraftActions } from "@/components/editor/draft-actions";
import { RecheckForm } from "@/components/editor/recheck-form";
import { setRecheckByAction } from "./recheck-actions";
import { unlinkMentionAction } from "./mention-actions";
import { UnlinkMentionForm } from "@/components/editor/unlink-mention-form";
import { ObservationForm } from "@/components/editor/observation-form";
import { AssignClaimForm } from "@/components/editor/assign-claim-form";
import { HeldEventReview } from "@/components/editor/held-event-review";
import { listAssignableEditors } from "@/db/claims/assign-claim";
import { listHeldEventReviews } from "@/db/reviews/list-reviews";
import { approveReviewAction, assignClaimAction, sendBackReviewAction } from "../../review-actions";
import { quoted } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("claim") };
}

export default async function EditorClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await requireSessionUser(`/editor/claims/${id.data}`);
  let claim;
  try {
    claim = await getClaimForEditor(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [t, locale] = await Promise.all([getTranslations("editor.claimPage"), getLocale()]);
  const history = await listClaimHistory(user, claim.id);
  const statuses = await listStatuses();
  const status = statusLookup(statuses);
  const heldReviews = await listHeldEventReviews(user, claim.timeline.filter((e) => e.visibility === "draft").map((e) => e.id));
  const isPublic = claim.mentions.some((m) => m.articleStatus === "published");

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-6">
        <div>
          <StatusBadge status={status(claim.currentStatus)} />
          <h1 className="mt-2 text-2xl font-semibold">{claim.statement}</h1>
          <p className="mt-1 text-sm text-[var(--color-muted)]">
            {[claimKindLabel(claim.kind, locale), claim.claimant, claim.claimDate].filter(Boolean).join(" · ")}
            {isPublic ? (
              <>
                {" · "}
                <Link href={withLocale(`/claims/${claim.id}`, locale)} className="underline">
                  {t("publicPage")}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <section aria-labelledby="mentions-heading">
          <h2 id="mentions-heading" className="mb-2 text-lg font-semibold">
            {t("mentions")}
          </h2>
          <ul className="flex flex-col gap-2">
            {claim.mentions.map((m) => (
              <li key={m.mentionId} className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 text-sm">
                {quoted(m.exact)} ·{" "}
                <Link href={withLocale(`/editor/articles/${m.articleId}`, locale)} className="underline">
                  {m.articleTitle}
                </Link>
                {m.anchorState === "orphaned" ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("orphaned")}</span> : null}
                {claim.mentions.length > 1 ? <UnlinkMentionForm mentionId={m.mentionId} action={unlinkMentionAction} /> : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            {t("timeline")}
          </h2>
          <Timeline
            events={claim.timeline}
            status={status}
            showInternal
            renderActions={(event) => {
              if (event.visibility !== "draft") return null;
              const review = heldReviews.get(event.id);
              return review ? (
                <HeldEventReview review={review} subject={claim.statement} approve={approveReviewAction} sendBack={sendBackReviewAction} />
              ) : (
                <DraftActions eventId={event.id} publish={publishDraftAction} discard={deleteDraftAction} />
              );
            }}
          />
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-1 text-lg font-semibold">
            {t("history")}
          </h2>
          <p className="mb-3 text-sm text-[var(--color-muted)]">{t("historyIntro")}</p>
          {history.length === 0 ? (
            <p className="text-sm text-[var(--color-muted)]">{t("noChanges")}</p>
          ) : (
            <AuditEntryList entries={history} label={t("historyLabel")} />
          )}
        </section>
      </div>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="assign-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="assign-heading" className="mb-3 text-lg font-semibold">
            {t("assignment")}
          </h2>
          <AssignClaimForm claimId={claim.id} assigneeId={claim.assigneeId} editors={await listAssignableEditors(user)} action={assignClaimAction} />
        </section>
        <section aria-labelledby="recheck-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="recheck-heading" className="mb-3 text-lg font-semibold">
            {t("recheck")}
          </h2>
          <RecheckForm action={setRecheckByAction} claimId={claim.id} recheckBy={claim.recheckBy} />
        </section>
        <section id="record" aria-labelledby="record-heading" className="scroll-mt-6 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="record-heading" className="mb-3 text-lg font-semibold">
            {t("recordStatus")}
          </h2>
          <EventForm
            action={recordStatusEventAction}
            claimId={claim.id}
            statuses={statuses}
            correctable={claim.timeline.filter((e) => e.visibility === "published")}
          />
        </section>
        {claim.kind === "quantity" ? (
          <section aria-labelledby="observation-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
            <h2 id="observation-heading" className="mb-3 text-lg font-semibold">
              {t("observation")}
            </h2>
            <ObservationForm action={recordObservationAction} claimId={claim.id} unit={claim.quantityUnit ?? ""} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
