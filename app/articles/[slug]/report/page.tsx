import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedPublishedArticle, cachedStatuses } from "@/app/_lib/reader-cache";
import { StatusBandChart } from "@/components/charts/status-band-chart";
import { Scorecard } from "@/components/scorecard";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { type TimeViewSearch, pageTimeView } from "@/app/_lib/page-time-view";
import { redirectFormerSlug } from "@/app/_lib/former-slug";
import { withTimeView } from "@/lib/as-of";
import { decodePathSegment } from "@/lib/path-segment";
import { langOf } from "@/lib/article-doc/text-language";
import { formatDate, quoted } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";
import { kindLabel } from "@/lib/localized-labels";
import { statusBands } from "@/lib/status-bands";
import { todayIso } from "@/lib/today";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<TimeViewSearch> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.report");
  return { title: t("metaTitle"), robots: { index: false } };
}

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
  if (!article) {
    if (decoded !== null) await redirectFormerSlug(decoded, (current) => withTimeView(`/articles/${encodeURIComponent(current)}/report`, view));
    notFound();
  }
  const [statuses, locale, t, tAsOf] = await Promise.all([cachedStatuses(), getLocale(), getTranslations("reader.report"), getTranslations("reader.asOf")]);
  const date = (day: string) => formatDate(day, "day", locale);
  const status = statusLookup(statuses);
  const end = view?.day ?? todayIso();
  return (
    <article className="report mx-auto flex max-w-3xl flex-col gap-8" data-testid="report">
      <header className="flex flex-col gap-2">
        <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">{t("kicker")}</p>
        <h1 lang={article.language} className="text-3xl font-semibold leading-tight">
          {article.title}
        </h1>
        <p className="text-sm text-[var(--color-muted)]">
          {/* Outlet and byline are names as written (新华社): each in its own language. */}
          {[article.outlet, article.byline, article.publishedDate ? date(article.publishedDate) : null, article.sourceUrl]
            .filter((part): part is string => Boolean(part))
            .map((part, i) => (
              <span key={i} lang={part === article.outlet || part === article.byline ? langOf(part) : undefined}>
                {i > 0 ? " · " : ""}
                {part}
              </span>
            ))}
        </p>
        <p className="text-sm font-medium" data-testid="report-as-of">
          {view
            ? view.axis === "effective"
              ? t("viewEffective", { date: date(view.day) })
              : t("viewPublished", { date: date(view.day) })
            : t("currentAsOf", { date: date(end) })}
        </p>
        {problem ? (
          <p role="alert" className="text-sm">
            {problem.kind === "bothAxes" ? tAsOf("bothAxes") : tAsOf("notADay", { value: problem.value })}
          </p>
        ) : null}
        {article.notice ? <p className="text-sm">{article.notice}</p> : null}
        <p className="no-print text-sm">
          <Link href={withLocale(`/articles/${encodeURIComponent(article.slug)}`, locale)} className="text-[var(--color-accent)] underline">
            {t("back")}
          </Link>
        </p>
      </header>
      <Scorecard statusKeys={article.claims.map((c) => c.currentStatus)} statuses={statuses} />
      <ol className="flex flex-col gap-8">
        {article.claims.map((claim, index) => (
          <li key={claim.mentionId} className="report-claim flex flex-col gap-3 border-t border-[var(--color-rule)] pt-6">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm text-[var(--color-muted)]">{t("claimNumber", { number: index + 1 })}</span>
              <StatusBadge status={status(claim.currentStatus)} />
              <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{kindLabel(claim.kind, locale)}</span>
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
