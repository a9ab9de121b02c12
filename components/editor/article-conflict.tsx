"use client";

import { type MouseEvent, useState } from "react";
import { useTranslations } from "next-intl";
import type { ArticleDto } from "@/db/articles/article-dto";
import { Button } from "@/components/ui/button";
import { type MergeResult, threeWayMerge } from "@/lib/three-way-merge";

/** The article's editable fields, by form field name, as the form holds them (strings, "" for none). */
export const ARTICLE_FIELDS = ["title", "summary", "outlet", "byline", "sourceUrl", "publishedDate", "language", "status", "slug", "bodyFormat", "body"] as const;


export function articleFieldValues(article: ArticleDto): Record<string, string> {
  return Object.fromEntries(ARTICLE_FIELDS.map((field) => [field, article[field] ?? ""]));
}

interface ArticleConflictProps {
  /** The version this editor started from. */
  base: ArticleDto;
  /** The version saved meanwhile by someone else. */
  theirs: ArticleDto;
  /** Puts the merged values in the form and moves it onto their version, so the next save goes through. */
  onReapply: (form: HTMLFormElement, merged: Record<string, string>, version: number) => void;
}

/**
 * What the other editor changed, field by field, and a way to reapply this editor's own
 * changes on top of theirs (three-way: fields only they changed take their value). Nothing is
 * saved until the editor looks at the result and saves again.
 */
export function ArticleConflict({ base: current, theirs, onReapply }: ArticleConflictProps) {
  // The form moves onto their version when reapplying; the comparison stays with where it started.
  const t = useTranslations("editor.articleConflict");
  const label = (field: string) => t(`fields.${field as (typeof ARTICLE_FIELDS)[number]}`);
  const [base] = useState(current);
  const [result, setResult] = useState<MergeResult | null>(null);
  const changes = threeWayMerge(articleFieldValues(base), articleFieldValues(theirs), articleFieldValues(base)).theirChanges;

  function reapply(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    const data = new FormData(form);
    const mine = Object.fromEntries(ARTICLE_FIELDS.map((field) => [field, String(data.get(field) ?? "")]));
    const merged = threeWayMerge(articleFieldValues(base), articleFieldValues(theirs), mine);
    onReapply(form, merged.merged, theirs.version);
    setResult(merged);
  }

  return (
    <section aria-labelledby="conflict-heading" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-stone-900" data-testid="article-conflict">
      <h2 id="conflict-heading" className="font-medium">
        {t("heading", { theirs: theirs.version, base: base.version })}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {changes.map(({ field, from, to }) => (
          <li key={field}>
            <span className="font-medium">{t("fieldLabel", { field: label(field) })}</span> <Change from={from} to={to} long={field === "body" || field === "summary"} />
          </li>
        ))}
      </ul>
      {result ? (
        <div role="status" className="mt-3">
          <p>{t("applied")}</p>
          {result.bothChanged.length > 0 ? (
            <p className="mt-1">
              {t("bothChanged", { fields: result.bothChanged.map((c) => label(c.field)).join(t("listSeparator")) })}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" onClick={reapply}>
            {t("reapply")}
          </Button>
          <span className="text-stone-700">{t("notSaved")}</span>
        </div>
      )}
    </section>
  );
}

function Change({ from, to, long }: { from: string; to: string; long: boolean }) {
  const t = useTranslations("editor.articleConflict");
  if (!long) {
    return (
      <>
        <del className="text-stone-600">{from || t("empty")}</del> → <ins className="no-underline font-medium">{to || t("empty")}</ins>
      </>
    );
  }
  return (
    <details className="inline">
      <summary className="inline cursor-pointer underline">{t("showTheirs")}</summary>
      <p className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap rounded border border-amber-300 bg-white p-2">{to}</p>
    </details>
  );
}
