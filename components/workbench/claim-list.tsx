"use client";

import Link from "next/link";
import { type KeyboardEvent, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/components/editor/types";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { RecordStatusPanel } from "./record-status-panel";
import { quoted } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";
import { claimKindLabel } from "./claim-kind-label";

export interface ClaimListHandlers {
  onEdit: (claim: WorkbenchClaimDto) => void;
  onMove: (claim: WorkbenchClaimDto, direction: -1 | 1) => void;
  onDelete: (claim: WorkbenchClaimDto) => void;
  onSplit: (claim: WorkbenchClaimDto) => void;
  onMerge: (claim: WorkbenchClaimDto) => void;
  onMatch: (claim: WorkbenchClaimDto) => void;
  onReattach: (claim: WorkbenchClaimDto) => void;
  onRemoveMention: (claim: WorkbenchClaimDto) => void;
  onToggleChecked: (claimId: number) => void;
  onFocusClaim: (claim: WorkbenchClaimDto) => void;
}

interface ClaimListProps extends ClaimListHandlers {
  claims: WorkbenchClaimDto[];
  statuses: StatusDto[];
  checked: ReadonlySet<number>;
  hasSelection: boolean;
  editingMentionId: number | null;
  renderEditor: (claim: WorkbenchClaimDto) => React.ReactNode;
  articleId: number;
  /** Records a status event, as the claim's page does; opened in place by "Record status". */
  recordStatus: FormAction<RecordedEventDto>;
}

/**
 * The article's claims in order. Arrow keys (or j/k) move between them, Enter edits,
 * Alt+Arrow moves a claim up or down, Delete deletes (restorable).
 */
export function ClaimList({ claims, statuses, checked, hasSelection, editingMentionId, renderEditor, articleId, recordStatus, ...on }: ClaimListProps) {
  const t = useTranslations("workbench.claimList");
  const locale = useLocale();
  const status = statusLookup(statuses);
  const [recordingMentionId, setRecordingMentionId] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusItem = (index: number) => listRef.current?.querySelectorAll<HTMLElement>("[data-claim-item]")[index]?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, claim: WorkbenchClaimDto, index: number) => {
    if (event.target !== event.currentTarget) return;
    const down = event.key === "ArrowDown" || event.key === "j";
    const up = event.key === "ArrowUp" || event.key === "k";
    if (event.altKey && (up || down)) {
      event.preventDefault();
      on.onMove(claim, up ? -1 : 1);
    } else if (down || up) {
      event.preventDefault();
      focusItem(Math.max(0, Math.min(claims.length - 1, index + (down ? 1 : -1))));
    } else if (event.key === "Enter") {
      event.preventDefault();
      on.onEdit(claim);
    } else if (event.key === "Delete") {
      event.preventDefault();
      on.onDelete(claim);
    }
  };
  if (claims.length === 0) return <p className="text-sm text-[var(--color-muted)]">{t("empty")}</p>;
  return (
    <ol ref={listRef} className="flex flex-col gap-2" aria-label={t("listLabel")}>
      {claims.map((claim, index) => (
        <li
          key={claim.mentionId}
          data-claim-item
          data-mention-id={claim.mentionId}
          tabIndex={0}
          aria-label={t("itemLabel", { number: index + 1, statement: claim.statement })}
          onKeyDown={(event) => onKeyDown(event, claim, index)}
          onFocus={(event) => event.target === event.currentTarget && on.onFocusClaim(claim)}
          className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]"
        >
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1 h-4 w-4"
              checked={checked.has(claim.claimId)}
              onChange={() => on.onToggleChecked(claim.claimId)}
              aria-label={t("select", { statement: claim.statement })}
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={status(claim.currentStatus)} size="sm" />
                <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{claimKindLabel(claim.kind, locale)}</span>
                {claim.anchorState === "orphaned" ? (
                  <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900" data-testid="orphaned">
                    {t("orphaned")}
                  </span>
                ) : null}
              </div>
              <p className="mt-1 font-medium" data-testid="claim-statement">
                {claim.statement}
              </p>
              <p className="mt-1 text-sm text-[var(--color-muted)]" data-testid="claim-quote">
                {quoted(claim.exact)}
              </p>
            </div>
          </div>
          {editingMentionId === claim.mentionId ? (
            <div className="mt-3">{renderEditor(claim)}</div>
          ) : (
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              {/* A claim saved only optimistically has no id yet to record against. */}
              <Button
                variant="quiet"
                onClick={() => setRecordingMentionId(recordingMentionId === claim.mentionId ? null : claim.mentionId)}
                aria-expanded={recordingMentionId === claim.mentionId}
                aria-controls={recordingMentionId === claim.mentionId ? `record-status-${claim.mentionId}` : undefined}
                aria-label={t("recordStatusFor", { statement: claim.statement })}
                disabled={claim.claimId < 0}
              >
                {t("recordStatus")}
              </Button>
              <Button variant="quiet" onClick={() => on.onEdit(claim)}>
                {t("edit")}
              </Button>
              <Link href={withLocale(`/editor/claims/${claim.claimId}`, locale)} className="text-[var(--color-accent)] underline hover:no-underline">
                {t("timeline")}
              </Link>
              <Button variant="quiet" onClick={() => on.onMove(claim, -1)} disabled={index === 0} aria-label={t("moveUp", { statement: claim.statement })}>
                {t("up")}
              </Button>
              <Button variant="quiet" onClick={() => on.onMove(claim, 1)} disabled={index === claims.length - 1} aria-label={t("moveDown", { statement: claim.statement })}>
                {t("down")}
              </Button>
              <Button variant="quiet" onClick={() => on.onSplit(claim)} disabled={claim.anchorState !== "anchored"}>
                {t("split")}
              </Button>
              <Button variant="quiet" onClick={() => on.onMerge(claim)} disabled={claims.length < 2}>
                {t("merge")}
              </Button>
              <Button variant="quiet" onClick={() => on.onMatch(claim)} aria-label={t("findSame", { statement: claim.statement })}>
                {t("sameClaimAs")}
              </Button>
              {claim.anchorState === "orphaned" ? (
                <>
                  <Button variant="quiet" onClick={() => on.onReattach(claim)} disabled={!hasSelection} title={t("reattachTitle")}>
                    {t("reattach")}
                  </Button>
                  <Button variant="quiet" onClick={() => on.onRemoveMention(claim)}>
                    {t("removeFromArticle")}
                  </Button>
                </>
              ) : null}
              <Button variant="quiet" onClick={() => on.onDelete(claim)} aria-label={t("deleteClaim", { statement: claim.statement })}>
                {t("delete")}
              </Button>
            </div>
          )}
          {recordingMentionId === claim.mentionId && claim.claimId > 0 ? (
            <RecordStatusPanel
              id={`record-status-${claim.mentionId}`}
              articleId={articleId}
              claim={claim}
              statuses={statuses}
              action={recordStatus}
              onClose={() => setRecordingMentionId(null)}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
