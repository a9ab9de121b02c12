import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cachedArticleFilterOptions, cachedStatuses, cachedTrackerPage } from "@/app/_lib/reader-cache";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { ExportLinks } from "@/components/export-links";
import { TrackerFilters } from "@/components/tracker/tracker-filters";
import { langOf } from "@/lib/article-doc/text-language";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { formatDate, quoted } from "@/lib/format";
import { parseTrackerQuery, trackerHref, trendsHref } from "@/lib/tracker-query";

export const metadata: Metadata = {
  title: { absolute: "Claimline: what the news said, and how it held up" },
  description: "A searchable tracker of every checked claim, each tied to the words that made it, with its verification history.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The claim tracker: every published claim, searchable and filterable, with shareable URLs. */
export default async function TrackerPage({ searchParams }: Props) {
  await connection();
  const query = parseTrackerQuery(await searchParams);
  const [result, statuses, articles] = await Promise.all([cachedTrackerPage(query), cachedStatuses(), cachedArticleFilterOptions(query.article)]);
  const status = statusLookup(statuses);
  const filtered = result.total;
  return (
    <div className="flex flex-col gap-6">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">What the news said, and how it held up</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
          Every checkable statement, tied to the exact words that made it, with its verification history.{" "}
          <Link href="/articles" className="text-[var(--color-accent)] underline">
            Browse by article
          </Link>
          .
        </p>
      </section>

      <TrackerFilters query={query} statuses={statuses} articles={articles} />

      <nav aria-label="Claims per status" className="flex flex-wrap gap-2 text-sm" data-testid="status-counts">
        {statuses
          .filter((s) => (result.statusCounts[s.key] ?? 0) > 0 || query.status.includes(s.key))
          .map((s) => {
            const active = query.status.includes(s.key);
            const next = active ? query.status.filter((k) => k !== s.key) : [...query.status, s.key];
            return (
              <Link
                key={s.key}
                href={trackerHref(query, { status: next })}
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
          {filtered === 1 ? "1 claim" : `${filtered} claims`}
          {query.q ? ` matching “${query.q}”` : ""}
        </h2>
        {result.items.length === 0 ? (
          <p>No claim matches. Try fewer filters or other words.</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label="Claims">
            {result.items.map((item) => (
              <li key={item.id} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="tracker-item">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={status(item.currentStatus)} size="sm" />
                  <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{CLAIM_KIND_LABELS[item.kind].en}</span>
                </div>
                <h3 lang={langOf(item.statement, item.statementLanguage)} className="mt-1.5 text-lg font-semibold">
                  <Link href={`/claims/${item.id}`} className="hover:underline">
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
                      <Link href={`/articles/${encodeURIComponent(a.slug)}`} lang={a.language} className="underline">
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
                  {item.claimDate ? ` · claimed ${formatDate(item.claimDate)}` : ""}
                  {item.lastEventAt ? ` · updated ${formatDate(item.lastEventAt.slice(0, 10))}` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? (
              <Link href={trackerHref(query, { page: result.page - 1 })} rel="prev" className="underline">
                Previous
              </Link>
            ) : null}
            <span>
              Page {result.page} of {result.pageCount}
            </span>
            {result.page < result.pageCount ? (
              <Link href={trackerHref(query, { page: result.page + 1 })} rel="next" className="underline">
                Next
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-label="More on these claims" className="flex flex-col gap-3 text-sm">
        {/* The chart and its table have their own page: they cover every month of the whole selection, which made this page heavy. */}
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={trendsHref(query)} className="text-[var(--color-accent)] underline" data-testid="trends-link">
            Status changes over time{trendsHref(query) === "/trends" ? "" : " for these claims"}
          </Link>
          <a href="/feeds/desk.atom" className="text-[var(--color-accent)] underline">
            Follow every status update (Atom feed)
          </a>
        </p>
        <ExportLinks apiBase="/api/v1/reports/tracker" query={trackerHref({ ...query, page: 1 }).replace(/^\/\??/, "")} view={null} />
      </section>
    </div>
  );
}
