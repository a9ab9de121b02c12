"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback } from "react";
import { useLocale, useTranslations } from "next-intl";
import { EventForm } from "@/components/editor/event-form";
import type { FormAction } from "@/components/editor/types";
import { Button } from "@/components/ui/button";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { withLocale } from "@/lib/i18n/locale-href";
import { workbenchQueries } from "./queries";

interface RecordStatusPanelProps {
  id: string;
  articleId: number;
  claim: WorkbenchClaimDto;
  statuses: StatusDto[];
  /** The claim page's own action: the workbench records through the same validation, authorisation and audit. */
  action: FormAction<RecordedEventDto>;
  onClose: () => void;
}

/**
 * The status form, opened in place under a claim in the workbench. Corrections of earlier
 * entries need the claim's history at hand, so they stay on its Timeline page.
 */
export function RecordStatusPanel({ id, articleId, claim, statuses, action, onClose }: RecordStatusPanelProps) {
  const t = useTranslations("workbench.recordStatus");
  const locale = useLocale();
  const queryClient = useQueryClient();
  // The claim's badge and its highlights in the text take the new status.
  const onRecorded = useCallback(() => queryClient.invalidateQueries({ queryKey: workbenchQueries.detail(articleId).queryKey }), [queryClient, articleId]);
  return (
    <section id={id} aria-label={t("label", { statement: claim.statement })} className="mt-3 rounded-md border border-[var(--color-rule)] p-3" data-testid="record-status-panel">
      <EventForm action={action} claimId={claim.claimId} statuses={statuses} correctable={[]} idPrefix={`record-${claim.mentionId}`} onRecorded={onRecorded} />
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-[var(--color-muted)]">
          {t.rich("correctHint", {
            link: (words) => (
              <Link href={withLocale(`/editor/claims/${claim.claimId}#record`, locale)} className="text-[var(--color-accent)] underline hover:no-underline">
                {words}
              </Link>
            ),
          })}
        </p>
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </section>
  );
}
