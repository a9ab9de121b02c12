"use client";

import { type KeyboardEvent, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Suggestion } from "@/lib/suggest";

interface SuggestionsPanelProps {
  suggestions: Suggestion[];
  onAccept: (suggestion: Suggestion) => void;
  onEdit: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
}

/** Ranked check-worthy sentences with the reasons they were picked. Keys: ↑/↓ move, a accepts, e edits, d dismisses. */
export function SuggestionsPanel({ suggestions, onAccept, onEdit, onDismiss }: SuggestionsPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusItem = (index: number) => listRef.current?.querySelectorAll<HTMLElement>("[data-suggestion]")[index]?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, suggestion: Suggestion, index: number) => {
    if (event.target !== event.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowDown: () => focusItem(Math.min(suggestions.length - 1, index + 1)),
      ArrowUp: () => focusItem(Math.max(0, index - 1)),
      a: () => onAccept(suggestion),
      e: () => onEdit(suggestion),
      d: () => onDismiss(suggestion),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  if (suggestions.length === 0) return <p className="text-sm text-[var(--color-muted)]">No more suggestions: every check-worthy sentence is claimed or dismissed.</p>;
  return (
    <ol ref={listRef} className="flex flex-col gap-2" aria-label="Suggested claims">
      {suggestions.map((suggestion, index) => (
        <li
          key={`${suggestion.start}-${suggestion.text}`}
          data-suggestion
          tabIndex={0}
          onKeyDown={(event) => onKeyDown(event, suggestion, index)}
          aria-label={`Suggestion ${index + 1}: ${suggestion.text}`}
          className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]"
        >
          <p className="leading-relaxed">{suggestion.text}</p>
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Why it was picked">
            {suggestion.reasons.map((reason, i) => (
              <li key={i} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-800" data-reason={reason.kind}>
                {reason.label}
              </li>
            ))}
          </ul>
          <div className="mt-2 flex gap-3 text-sm">
            <Button variant="quiet" onClick={() => onAccept(suggestion)}>
              Accept
            </Button>
            <Button variant="quiet" onClick={() => onEdit(suggestion)}>
              Edit
            </Button>
            <Button variant="quiet" onClick={() => onDismiss(suggestion)}>
              Dismiss
            </Button>
          </div>
        </li>
      ))}
    </ol>
  );
}
