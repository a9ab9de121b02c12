"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import type { SimilarClaimDto } from "@/db/claims/similar-claims";
import type { StatusDto } from "@/db/statuses/list-statuses";
import * as commands from "@/app/editor/articles/[id]/workbench-actions";
import { splitIntoRuns } from "@/lib/highlight";
import { workbenchQueries } from "./queries";
import { useCommand } from "./use-command";

export interface MatchTarget {
  mentionId: number;
  claimId: number;
  statement: string;
}

interface SimilarClaimsProps {
  target: MatchTarget;
  articleId: number;
  statuses: StatusDto[];
  /** Opened by the editor ("Same claim as…"), not shown automatically after adding a claim. */
  asked: boolean;
  onClose: () => void;
  onError: (message: string) => void;
  onLinked: (claim: SimilarClaimDto) => void;
}

/**
 * Existing claims that look like the one just added, best first, with the words they share
 * marked. "Same claim" moves this mention onto the existing claim, so the article shows that
 * claim's timeline; "Keep separate" leaves it alone. The search box finds a claim made in other
 * words or another language, which character similarity cannot.
 */
export function SimilarClaims({ target, articleId, statuses, asked, onClose, onError, onLinked }: SimilarClaimsProps) {
  const t = useTranslations("workbench.similar");
  const [text, setText] = useState(target.statement);
  const query = useQuery(workbenchQueries.similar(text, target.claimId));
  const link = useCommand(articleId, commands.linkMentionCommand, { onError });
  const status = statusLookup(statuses);
  const results = query.data ?? [];
  // Shown by itself after adding a claim only when there is something to decide.
  if (!asked && text === target.statement && (query.isPending || results.length === 0)) return null;

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    if (value) setText(value);
  };

  return (
    <section aria-labelledby={`similar-${target.mentionId}`} className="mb-3 rounded-lg border border-[var(--color-accent)] bg-[var(--color-surface)] p-4 text-sm" data-testid="similar-claims">
      <h3 id={`similar-${target.mentionId}`} className="font-medium">
        {t("heading", { statement: target.statement })}
      </h3>
      <form onSubmit={search} className="mt-2 flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1">
          <span className="text-[var(--color-muted)]">{t("searchLabel")}</span>
          <input name="q" defaultValue={text} className="rounded-md border border-stone-400 bg-[var(--color-paper)] px-2 py-1.5" />
        </label>
        <Button type="submit" variant="secondary">
          {t("search")}
        </Button>
      </form>
      {query.isError ? <p role="alert" className="mt-2">{query.error.message}</p> : null}
      {query.isPending ? <p className="mt-2 text-[var(--color-muted)]">{t("looking")}</p> : null}
      {!query.isPending && results.length === 0 ? <p className="mt-2">{t("none")}</p> : null}
      <ol className="mt-3 flex flex-col gap-3">
        {results.map((claim) => (
          <li key={claim.id} className="rounded-md border border-[var(--color-rule)] p-3" data-testid="similar-claim">
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge status={status(claim.currentStatus)} size="sm" />
              <span className="text-[var(--color-muted)]">{t("alike", { percent: Math.round(claim.score * 100) })}</span>
            </p>
            <p className="mt-1">
              <Marked text={claim.statement} spans={claim.highlights} />
            </p>
            {claim.bestQuote ? (
              <p className="mt-1 text-[var(--color-muted)]">
                {t.rich("quote", { words: () => <Marked text={claim.bestQuote!.exact} spans={claim.bestQuote!.highlights} /> })}
              </p>
            ) : null}
            <p className="mt-1 text-[var(--color-muted)]">{t("inArticles", { articles: claim.articles.map((a) => (a.status === "draft" ? t("draftArticle", { title: a.title }) : a.title)).join(t("separator")) })}</p>
            <Button
              type="button"
              variant="secondary"
              className="mt-2"
              disabled={link.isPending}
              onClick={() => link.mutate({ mentionId: target.mentionId, claimId: claim.id }, { onSuccess: () => onLinked(claim) })}
              aria-label={t("sameClaimLabel", { statement: claim.statement })}
            >
              {t("sameClaim")}
            </Button>
          </li>
        ))}
      </ol>
      <Button type="button" variant="quiet" className="mt-3" onClick={onClose}>
        {t("keepSeparate")}
      </Button>
    </section>
  );
}

/** The text with the matching words marked (<mark> is announced as highlighted by screen readers). */
function Marked({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  const runs = splitIntoRuns(
    text,
    spans.map((s, id) => ({ id, ...s })),
  );
  return (
    <>
      {runs.map((run) =>
        run.ids.length > 0 ? (
          <mark key={run.start} className="rounded-sm bg-amber-200 px-0.5 text-stone-900">
            {run.text}
          </mark>
        ) : (
          <span key={run.start}>{run.text}</span>
        ),
      )}
    </>
  );
}
