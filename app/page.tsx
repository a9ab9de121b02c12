import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedArticleFilterOptions, cachedStatuses, cachedTrackerPage } from "@/app/_lib/reader-cache";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { ExportLinks } from "@/components/export-links";
import { TrackerFilters } from "@/components/tracker/tracker-filters";
import { langOf } from "@/lib/article-doc/text-language";
import { formatDate, quoted } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";
import { kindLabel } from "@/lib/localized-labels";
import { parseTrackerQuery, trackerHref, trendsHref } from "@/lib/tracker-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.tracker");
  return { title: { absolute: t("metaTitle") }, description: t("metaDescription") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The claim tracker: every published claim, searchable and filterable, with shareable URLs. */
export default async function TrackerPage({ searchParams }: Props) {
  await connection();
  const query = parseTrackerQuery(await searchParams);
  const [result, statuses, articles] = await Promise.all([cachedTrackerPage(query), cachedStatuses(), cachedArticleFilterOptions(query.article)]);
  const [locale, t, tr] = await Promise.all([getLocale(), getTranslations("reader.tracker"), getTranslations("reader")]);
  const href = (path: string) => withLocale(path, locale);
  const status = statusLookup(statuses);
  const filtered = result.total;
  return (
    <div className="flex flex-col gap-6">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
          {t.rich("intro", {
            link: (chunks) => (
              <Link href={href("/articles")} className="text-[var(--color-accent)] underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>

      <TrackerFilters query={query} statuses={statuses} articles={articles} />

      <nav aria-label={tr("statusCountsLabel")} className="flex flex-wrap gap-2 text-sm" data-testid="status-counts">
        {statuses
          .filter((s) => (result.statusCounts[s.key] ?? 0) > 0 || query.status.includes(s.key))
          .map((s) => {
            const active = query.status.includes(s.key);
            const next = active ? query.status.filter((k) => k !== s.key) : [...query.status, s.key];
            return (
              <Link
                key={s.key}
                href={href(trackerHref(query, { status: next }))}
                aria-current={active ? "true" : undefined}
                data-status-filter={s.key}
                className={`flex items-center gap-2 rounded-full border px-2 py-1 ${active ? "border-[var(--color-ink)] ring-2 ring-[var(--color-ink)]" : "border-[var(--color-rule)]"}`}
              >
                <StatusBadge status={s} size="sm" />
                <span className="font-semibold">{result.statusCounts[s.key] ?? 0}</span>
              </Link>
            );
          })}
      </nav>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-lg font-semibold" data-testid="result-count">
          {query.q ? t("resultCountMatching", { count: filtered, q: query.q }) : t("resultCount", { count: filtered })}
        </h2>
        {result.items.length === 0 ? (
          <p>{t("noResults")}</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label={t("claimsLabel")}>
            {result.items.map((item) => (
              <li key={item.id} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="tracker-item">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={status(item.currentStatus)} size="sm" />
                  <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{kindLabel(item.kind, locale)}</span>
                </div>
                <h3 lang={langOf(item.statement, item.statementLanguage)} className="mt-1.5 text-lg font-semibold">
                  <Link href={href(`/claims/${item.id}`)} className="hover:underline">
                    {item.statement}
                  </Link>
                </h3>
                {item.quote ? (
                  <p lang={langOf(item.quote, item.quoteLanguage, item.quoteContext)} className="mt-1 text-[var(--color-muted)]">
                    {quoted(item.quote)}
                  </p>
                ) : null}
                <p className="mt-1.5 text-sm text-[var(--color-muted)]">
                  {item.articles.map((a, i) => (
                    <span key={a.slug}>
                      {i > 0 ? ", " : ""}
                      <Link href={href(`/articles/${encodeURIComponent(a.slug)}`)} lang={a.language} className="underline">
                        {a.title}
                      </Link>
                    </span>
                  ))}
                  {item.claimant ? (
                    <span lang={langOf(item.claimant)}>
                      {" · "}
                      {item.claimant}
                    </span>
                  ) : null}
                  {item.claimDate ? ` · ${t("claimedOn", { date: formatDate(item.claimDate, "day", locale) })}` : ""}
                  {item.lastEventAt ? ` · ${t("updatedOn", { date: formatDate(item.lastEventAt.slice(0, 10), "day", locale) })}` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label={t("pagesLabel")} className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? (
              <Link href={href(trackerHref(query, { page: result.page - 1 }))} rel="prev" className="underline">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("pageOf", { page: result.page, count: result.pageCount })}</span>
            {result.page < result.pageCount ? (
              <Link href={href(trackerHref(query, { page: result.page + 1 }))} rel="next" className="underline">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-label={t("moreLabel")} className="flex flex-col gap-3 text-sm">
        {/* The chart and its table have their own page: they cover every month of the whole selection, which made this page heavy. */}
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={href(trendsHref(query))} className="text-[var(--color-accent)] underline" data-testid="trends-link">
            {trendsHref(query) === "/trends" ? t("trendsLink") : t("trendsLinkFiltered")}
          </Link>
          <a href="/feeds/desk.atom" className="text-[var(--color-accent)] underline">
            {tr("feedEverything")}
          </a>
        </p>
        <ExportLinks apiBase="/api/v1/reports/tracker" query={trackerHref({ ...query, page: 1 }).replace(/^\/\??/, "")} view={null} />
      </section>
    </div>
  );
}
