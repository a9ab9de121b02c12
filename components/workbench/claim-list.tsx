"use client";

import Link from "next/link";
import { type KeyboardEvent, useRef, useState } from "react";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/components/editor/types";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { RecordStatusPanel } from "./record-status-panel";
import { quoted } from "@/lib/format";

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
  if (claims.length === 0) return <p className="text-sm text-[var(--color-muted)]">No claims yet. Select words in the article, or ask for suggestions.</p>;
  return (
    <ol ref={listRef} className="flex flex-col gap-2" aria-label="Claims in this article">
      {claims.map((claim, index) => (
        <li
          key={claim.mentionId}
          data-claim-item
          data-mention-id={claim.mentionId}
          tabIndex={0}
          aria-label={`Claim ${index + 1}: ${claim.statement}`}
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
              aria-label={`Select “${claim.statement}” for bulk changes`}
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={status(claim.currentStatus)} size="sm" />
                <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{CLAIM_KIND_LABELS[claim.kind].en}</span>
                {claim.anchorState === "orphaned" ? (
                  <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900" data-testid="orphaned">
                    Orphaned: its words are no longer in the text
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
                aria-label={`Record status for “${claim.statement}”`}
                disabled={claim.claimId < 0}
              >
                Record status
              </Button>
              <Button variant="quiet" onClick={() => on.onEdit(claim)}>
                Edit
              </Button>
              <Link href={`/editor/claims/${claim.claimId}`} className="text-[var(--color-accent)] underline hover:no-underline">
                Timeline
              </Link>
              <Button variant="quiet" onClick={() => on.onMove(claim, -1)} disabled={index === 0} aria-label={`Move “${claim.statement}” up`}>
                Up
              </Button>
              <Button variant="quiet" onClick={() => on.onMove(claim, 1)} disabled={index === claims.length - 1} aria-label={`Move “${claim.statement}” down`}>
                Down
              </Button>
              <Button variant="quiet" onClick={() => on.onSplit(claim)} disabled={claim.anchorState !== "anchored"}>
                Split
              </Button>
              <Button variant="quiet" onClick={() => on.onMerge(claim)} disabled={claims.length < 2}>
                Merge
              </Button>
              <Button variant="quiet" onClick={() => on.onMatch(claim)} aria-label={`Find the desk's claims like “${claim.statement}”`}>
                Same claim as…
              </Button>
              {claim.anchorState === "orphaned" ? (
                <>
                  <Button variant="quiet" onClick={() => on.onReattach(claim)} disabled={!hasSelection} title="Select the words in the article first">
                    Re-attach to selection
                  </Button>
                  <Button variant="quiet" onClick={() => on.onRemoveMention(claim)}>
                    Remove from article
                  </Button>
                </>
              ) : null}
              <Button variant="quiet" onClick={() => on.onDelete(claim)} aria-label={`Delete “${claim.statement}”`}>
                Delete
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
