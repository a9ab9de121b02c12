import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { CLAIM_KINDS } from "@/lib/claim-rules";
import { DEFAULT_LOCALE, LOCALE_PARAM } from "@/lib/i18n/locale-choice.mjs";
import { withLocale } from "@/lib/i18n/locale-href";
import { kindLabel, statusLabel } from "@/lib/localized-labels";
import type { TrackerQuery } from "@/lib/tracker-query";

const input = "rounded-md border border-stone-400 bg-[var(--color-surface)] px-2 py-1.5 text-[var(--color-ink)]";

/** The tracker's search and filters: one GET form, so every combination is a shareable URL and works without JavaScript. */
export function TrackerFilters({ query, statuses, articles }: { query: TrackerQuery; statuses: StatusDto[]; articles: { slug: string; title: string; language?: string }[] }) {
  const t = useTranslations("reader.filters");
  const locale = useLocale();
  return (
    <form method="get" action="/" role="search" aria-label={t("formLabel")} className="flex flex-col gap-3 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
      {/* A GET form replaces the action's query: the page's language goes along as a field. */}
      {locale === DEFAULT_LOCALE ? null : <input type="hidden" name={LOCALE_PARAM} value={locale} />}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">{t("searchLabel")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className={`${input} w-full text-base`} />
        </label>
        <button type="submit" className="rounded-md bg-[var(--color-inverse)] px-4 py-2 text-sm font-medium text-[var(--color-on-inverse)]">
          {t("search")}
        </button>
      </div>
      <details open={Boolean(query.status.length || query.kind.length || query.article || query.claimant || query.from || query.to)}>
        <summary className="cursor-pointer text-sm font-medium">{t("summary")}</summary>
        <div className="mt-3 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 font-medium">{t("status")}</legend>
            <div className="flex flex-wrap gap-x-3 gap-y-1">
              {statuses.map((s) => (
                <label key={s.key} className="flex items-center gap-1">
                  <input type="checkbox" name="status" value={s.key} defaultChecked={query.status.includes(s.key)} />
                  {statusLabel(s, locale)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 font-medium">{t("kind")}</legend>
            <div className="flex flex-wrap gap-x-3 gap-y-1">
              {CLAIM_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-1">
                  <input type="checkbox" name="kind" value={k} defaultChecked={query.kind.includes(k)} />
                  {kindLabel(k, locale)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-col gap-3">
            {/* The newest articles and the one selected, not every article: the list would grow with the desk. */}
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t("article")}</span>
              <select name="article" defaultValue={query.article ?? ""} className={input} aria-describedby="article-filter-hint">
                <option value="">{t("anyArticle")}</option>
                {articles.map((a) => (
                  <option key={a.slug} value={a.slug} lang={a.language}>
                    {a.title}
                  </option>
                ))}
              </select>
              <span id="article-filter-hint" className="text-xs text-[var(--color-muted)]">
                {t.rich("articleHint", {
                  link: (chunks) => (
                    <Link href={withLocale("/articles", locale)} className="underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </span>
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t("claimant")}</span>
              <input name="claimant" defaultValue={query.claimant ?? ""} className={input} />
            </label>
          </div>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t("claimedFrom")}</span>
            <input type="date" name="from" defaultValue={query.from ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t("claimedUntil")}</span>
            <input type="date" name="to" defaultValue={query.to ?? ""} className={input} />
          </label>
          <div className="flex gap-3">
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t("sortBy")}</span>
              <select name="sort" defaultValue={query.sort} className={input}>
                <option value="updated">{t("sortUpdated")}</option>
                <option value="claim-date">{t("sortClaimDate")}</option>
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t("order")}</span>
              <select name="order" defaultValue={query.order} className={input}>
                <option value="desc">{t("newestFirst")}</option>
                <option value="asc">{t("oldestFirst")}</option>
              </select>
            </label>
          </div>
        </div>
      </details>
    </form>
  );
}
