"use client";

import { type KeyboardEvent, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { describeQuantity } from "@/lib/claim-proposal";
import type { Suggestion } from "@/lib/suggest";
import type { Grouped } from "@/lib/suggestion-groups";

type GroupedSuggestion = Grouped<Suggestion>;

interface SuggestionsPanelProps {
  suggestions: GroupedSuggestion[];
  onAccept: (suggestion: Suggestion) => void;
  onEdit: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
}

/** Enough figures to check a sentence at a glance; a sentence rarely states more. */
const MAX_FIGURES_SHOWN = 3;

/**
 * Ranked check-worthy sentences with the figures read from them and the reasons they were
 * picked; the ones that repeat a claim already made are folded under that claim. Keys on a
 * suggestion: ↑/↓ move, a accepts, e edits, d dismisses.
 */
export function SuggestionsPanel({ suggestions, onAccept, onEdit, onDismiss }: SuggestionsPanelProps) {
  const t = useTranslations("workbench.suggestions");
  const listRef = useRef<HTMLOListElement>(null);
  const open = suggestions.filter((s) => s.collapsedUnder === null);
  const folded = foldedByClaim(suggestions);
  const focusItem = (index: number) => listRef.current?.querySelectorAll<HTMLElement>(":scope > [data-suggestion]")[index]?.focus();
  const actions = { onAccept, onEdit, onDismiss };
  if (suggestions.length === 0) return <p className="text-sm text-[var(--color-muted)]">{t("noMore")}</p>;
  return (
    <div className="flex flex-col gap-3">
      {open.length > 0 ? (
        <ol ref={listRef} className="flex flex-col gap-2" aria-label={t("listLabel")}>
          {open.map((suggestion, index) => (
            <SuggestionCard
              key={`${suggestion.start}-${suggestion.text}`}
              suggestion={suggestion}
              label={t("itemLabel", { number: index + 1 })}
              {...actions}
              onMove={(step) => focusItem(Math.max(0, Math.min(open.length - 1, index + step)))}
            />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-[var(--color-muted)]">{t("noNew")}</p>
      )}
      {folded.map(({ claimId, statement, items }) => (
        // Keyed by the statement, not the id: the optimistic claim's id changes when the server
        // answers, and a new key would close a group the editor just opened.
        <details key={statement} data-folded-under={claimId} className="rounded-md border border-dashed border-[var(--color-rule)] px-3 py-2 text-sm">
          <summary className="cursor-pointer py-1">
            {t("repeats", { count: items.length, statement })}
          </summary>
          <ol className="mt-2 flex flex-col gap-2" aria-label={t("likeClaim", { statement })}>
            {items.map((suggestion, index) => (
              <SuggestionCard key={`${suggestion.start}-${suggestion.text}`} suggestion={suggestion} label={t("repeatLabel", { number: index + 1 })} {...actions} />
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

/** The folded suggestions, one group per claim, in the order their first suggestion ranks. */
function foldedByClaim(suggestions: readonly GroupedSuggestion[]) {
  const groups = new Map<number, { claimId: number; statement: string; items: GroupedSuggestion[] }>();
  for (const s of suggestions) {
    if (!s.collapsedUnder) continue;
    const { claimId, statement } = s.collapsedUnder;
    const group = groups.get(claimId) ?? { claimId, statement, items: [] };
    group.items.push(s);
    groups.set(claimId, group);
  }
  return [...groups.values()];
}

interface SuggestionCardProps {
  suggestion: Suggestion;
  label: string;
  onAccept: (suggestion: Suggestion) => void;
  onEdit: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
  onMove?: (step: -1 | 1) => void;
}

function SuggestionCard({ suggestion, label, onAccept, onEdit, onDismiss, onMove }: SuggestionCardProps) {
  const t = useTranslations("workbench.suggestions");
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => onMove?.(1),
      ArrowUp: () => onMove?.(-1),
      a: () => onAccept(suggestion),
      e: () => onEdit(suggestion),
      d: () => onDismiss(suggestion),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const figures = [...new Set(suggestion.quantities.map(describeQuantity))].slice(0, MAX_FIGURES_SHOWN);
  const kind = CLAIM_KIND_LABELS[suggestion.claim.kind];
  return (
    <li
      data-suggestion
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={`${label}: ${suggestion.text}`}
      className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]"
    >
      <p className="leading-relaxed">{suggestion.text}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {figures.length > 0 ? (
          <>
            <dt className="text-[var(--color-muted)]">{t("figuresAsRead", { count: figures.length })}</dt>
            <dd data-testid="suggestion-figures" className="tabular-nums">
              {figures.join(" · ")}
            </dd>
          </>
        ) : null}
        <dt className="text-[var(--color-muted)]">{t("wouldBe")}</dt>
        <dd data-testid="suggestion-kind">
          {kind.en} · {kind.zh}
        </dd>
      </dl>
      <p className="mt-2 text-xs text-[var(--color-muted)]" id={`why-${suggestion.start}`}>
        {t("why")}
      </p>
      <ul className="mt-1 flex flex-wrap gap-1.5" aria-labelledby={`why-${suggestion.start}`}>
        {suggestion.reasons.map((reason, i) => (
          <li key={i} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-800" data-reason={reason.kind}>
            {t(`reasons.${reason.kind}`, { match: reason.match })}
          </li>
        ))}
      </ul>
      <div className="mt-2 flex gap-3 text-sm">
        <Button variant="quiet" onClick={() => onAccept(suggestion)}>
          {t("accept")}
        </Button>
        <Button variant="quiet" onClick={() => onEdit(suggestion)}>
          {t("edit")}
        </Button>
        <Button variant="quiet" onClick={() => onDismiss(suggestion)}>
          {t("dismiss")}
        </Button>
      </div>
    </li>
  );
}
