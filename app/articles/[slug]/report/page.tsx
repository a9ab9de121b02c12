import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cachedPublishedArticle, cachedStatuses } from "@/app/_lib/reader-cache";
import { StatusBandChart } from "@/components/charts/status-band-chart";
import { Scorecard } from "@/components/scorecard";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { type TimeViewSearch, pageTimeView } from "@/app/_lib/page-time-view";
import { describeTimeView } from "@/lib/as-of";
import { decodePathSegment } from "@/lib/path-segment";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { langOf } from "@/lib/article-doc/text-language";
import { formatDate, quoted } from "@/lib/format";
import { statusBands } from "@/lib/status-bands";
import { todayIso } from "@/lib/today";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<TimeViewSearch> };

export const metadata: Metadata = { title: "Verification report", robots: { index: false } };

/**
 * The print-ready verification report of one article: its metadata, scorecard, and every
 * claim with its status, quote, chart and full timeline with sources. Print it, or save it as
 * PDF from the browser's print dialog; the print stylesheet hides the site's navigation.
 */
export default async function ArticleReportPage({ params, searchParams }: Props) {
  await connection();
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const decoded = decodePathSegment(slug);
  const { view, problem } = pageTimeView(search, `/articles/${encodeURIComponent(decoded ?? slug)}/report`);
  const article = decoded === null ? null : await cachedPublishedArticle(decoded, { view });
  if (!article) notFound();
  const statuses = await cachedStatuses();
  const status = statusLookup(statuses);
  const end = view?.day ?? todayIso();
  return (
    <article className="report mx-auto flex max-w-3xl flex-col gap-8" data-testid="report">
      <header className="flex flex-col gap-2">
        <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">Claimline verification report</p>
        <h1 lang={article.language} className="text-3xl font-semibold leading-tight">
          {article.title}
        </h1>
        <p className="text-sm text-[var(--color-muted)]">
          {/* Outlet and byline are names as written (新华社): each in its own language. */}
          {[article.outlet, article.byline, article.publishedDate ? formatDate(article.publishedDate) : null, article.sourceUrl]
            .filter((part): part is string => Boolean(part))
            .map((part, i) => (
              <span key={i} lang={part === article.outlet || part === article.byline ? langOf(part) : undefined}>
                {i > 0 ? " · " : ""}
                {part}
              </span>
            ))}
        </p>
        <p className="text-sm font-medium" data-testid="report-as-of">
          {view ? `${capitalise(describeTimeView(view))}.` : `Current as of ${formatDate(end)}.`}
        </p>
        {problem ? (
          <p role="alert" className="text-sm">
            {problem}
          </p>
        ) : null}
        {article.notice ? <p className="text-sm">{article.notice}</p> : null}
        <p className="no-print text-sm">
          <Link href={`/articles/${encodeURIComponent(article.slug)}`} className="text-[var(--color-accent)] underline">
            Back to the article
          </Link>
        </p>
      </header>
      <Scorecard statusKeys={article.claims.map((c) => c.currentStatus)} statuses={statuses} />
      <ol className="flex flex-col gap-8">
        {article.claims.map((claim, index) => (
          <li key={claim.mentionId} className="report-claim flex flex-col gap-3 border-t border-[var(--color-rule)] pt-6">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm text-[var(--color-muted)]">Claim {index + 1}</span>
              <StatusBadge status={status(claim.currentStatus)} />
              <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{CLAIM_KIND_LABELS[claim.kind].en}</span>
            </div>
            <h2 lang={langOf(claim.statement, claim.statementLanguage)} className="text-xl font-semibold">
              {claim.statement}
            </h2>
            <blockquote lang={langOf(claim.exact, claim.quoteLanguage, article.language)} className="border-l-4 border-stone-300 pl-3">
              {quoted(claim.exact)}
            </blockquote>
            <StatusBandChart
              bands={statusBands(
                claim.timeline.map((e) => ({ ...e, recordedAt: Date.parse(e.recordedAt), visibility: "published" as const })),
                claim.claimDate,
                end,
              )}
              status={status}
              end={end}
              claimId={claim.claimId}
            />
            <Timeline events={claim.timeline} status={status} order="oldest-first" />
          </li>
        ))}
      </ol>
    </article>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
