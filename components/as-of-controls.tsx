import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { type TimeView, withTimeView } from "@/lib/as-of";
import { formatDate } from "@/lib/format";
import { DEFAULT_LOCALE, LOCALE_PARAM } from "@/lib/i18n/locale-choice.mjs";
import { withLocale } from "@/lib/i18n/locale-href";

/** Why a page shows today instead of the day asked for; said in the page's language here. */
export type TimeViewProblem = { kind: "notADay"; value: string } | { kind: "bothAxes" };

interface AsOfControlsProps {
  /** The page without ?asof or ?published. */
  path: string;
  view: TimeView | null;
  /** Why the page shows today instead of what was asked (a day that is not real, both parameters). */
  problem?: TimeViewProblem | null;
  what: "claim" | "article";
}

/**
 * Says plainly which day, and which meaning of "as of", a page shows, and lets readers pick
 * another: a plain GET form (the page redirects it to `?asof=` or `?published=`), so it works
 * without JavaScript and every view has its own shareable URL.
 */
export function AsOfControls({ path, view, problem, what }: AsOfControlsProps) {
  const t = useTranslations("reader.asOf");
  const locale = useLocale();
  const bold = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const other: TimeView | null = view ? { axis: view.axis === "effective" ? "published" : "effective", day: view.day } : null;
  return (
    <div className="flex flex-col gap-2">
      {view ? (
        <p role="status" className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950" data-testid="as-of-notice">
          {view.axis === "effective"
            ? t.rich("effective", { what, date: formatDate(view.day, "day", locale), b: bold })
            : t.rich("published", { what, date: formatDate(view.day, "day", locale), b: bold })}{" "}
          <a href={withLocale(withTimeView(path, other), locale)} className="underline">
            {other?.axis === "published" ? t("seePublished") : t("seeTrue")}
          </a>
          {" · "}
          <a href={withLocale(path, locale)} className="underline">
            {t("seeToday")}
          </a>
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="as-of-problem">
          {problem.kind === "bothAxes" ? t("bothAxes") : t("notADay", { value: problem.value })}
        </p>
      ) : null}
      <form method="get" action={path} className="flex flex-wrap items-end gap-x-4 gap-y-2 text-sm" aria-label={t("formLabel", { what })}>
        {/* A GET form replaces the action's query: the page's language goes along as a field. */}
        {locale === DEFAULT_LOCALE ? null : <input type="hidden" name={LOCALE_PARAM} value={locale} />}
        <label className="flex flex-col gap-1">
          <span className="text-[var(--color-muted)]">{t("onLabel", { what })}</span>
          <input type="date" name="on" defaultValue={view?.day ?? ""} required className="min-h-8 rounded-md border border-stone-300 bg-[var(--color-surface)] px-2 py-1" />
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-[var(--color-muted)]">{t("meaning")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <label className="flex min-h-6 cursor-pointer items-center gap-2">
              <input type="radio" name="axis" value="asof" defaultChecked={view?.axis !== "published"} className="h-4 w-4" />
              {t("asOfOption")}
            </label>
            <label className="flex min-h-6 cursor-pointer items-center gap-2">
              <input type="radio" name="axis" value="published" defaultChecked={view?.axis === "published"} className="h-4 w-4" />
              {t("publishedOption")}
            </label>
          </div>
        </fieldset>
        <button type="submit" className="min-h-8 rounded-md border border-stone-300 bg-[var(--color-surface)] px-3 py-1 hover:bg-[var(--color-paper)]">
          {t("show")}
        </button>
      </form>
    </div>
  );
}
