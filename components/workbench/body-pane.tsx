"use client";

import { type KeyboardEvent, memo, type RefObject, useState } from "react";
import { useTranslations } from "next-intl";
import { ArticleBody, type BodyMention } from "@/components/article-body";
import { statusLookup } from "@/components/status-badge";
import type { StatusDto } from "@/db/statuses/list-statuses";
import type { ArticleDoc } from "@/lib/article-doc/types";

interface BodyPaneProps {
  doc: ArticleDoc;
  language: string;
  mentions: BodyMention[];
  statuses: StatusDto[];
  bodyRef: RefObject<HTMLDivElement | null>;
}

const NAVIGATION_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", "Tab", "Escape"]);

/**
 * The article text, selectable by mouse and by keyboard. It is a read-only editable region
 * so the caret can move with the arrow keys and Shift extends the selection; every edit is
 * refused. Memoised: choosing or editing a claim elsewhere does not re-render a long body.
 */
export const BodyPane = memo(function BodyPane({ doc, language, mentions, statuses, bodyRef }: BodyPaneProps) {
  // Input methods can slip text past beforeinput; remounting restores the true text.
  const t = useTranslations("workbench.body");
  const [generation, setGeneration] = useState(0);
  const refuseKeys = (event: KeyboardEvent) => {
    const copyOrSelectAll = (event.ctrlKey || event.metaKey) && ["c", "a"].includes(event.key.toLowerCase());
    if (!NAVIGATION_KEYS.has(event.key) && !copyOrSelectAll && (event.key.length === 1 || ["Backspace", "Delete", "Enter"].includes(event.key))) event.preventDefault();
  };
  return (
    <div
      ref={bodyRef}
      contentEditable
      suppressContentEditableWarning
      spellCheck={false}
      role="textbox"
      aria-multiline="true"
      // Not aria-readonly: ARIA in HTML forbids aria-readonly="true" on a contenteditable
      // element (it is editable, as far as the browser is concerned). The name says it instead.
      aria-label={t("label")}
      className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-5 caret-[var(--color-accent)] outline-none focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]"
      onBeforeInput={(event) => event.preventDefault()}
      onKeyDown={refuseKeys}
      onPaste={(event) => event.preventDefault()}
      onDrop={(event) => event.preventDefault()}
      onCut={(event) => event.preventDefault()}
      onInput={() => setGeneration((g) => g + 1)}
    >
      <ArticleBody key={generation} doc={doc} language={language} mentions={mentions} status={statusLookup(statuses)} />
    </div>
  );
});
