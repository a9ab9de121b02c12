import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleBody } from "@/components/article-body";
import { AsOfControls } from "@/components/as-of-controls";
import { ExportLinks } from "@/components/export-links";
import { ExternalLink } from "@/components/external-link";
import { type TimeViewSearch, pageTimeView } from "@/app/_lib/page-time-view";
import { withTimeView } from "@/lib/as-of";
import { decodePathSegment } from "@/lib/path-segment";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { cachedPublishedArticle, cachedStatuses } from "@/app/_lib/reader-cache";
import { ClaimPopovers } from "@/components/claim-popovers";
import { Scorecard } from "@/components/scorecard";
import { StatusIcon } from "@/components/status-icon";
import { StatusLegend } from "@/components/status-legend";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { formatDate } from "@/lib/format";
import { linkHref } from "@/lib/link-href";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<TimeViewSearch> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const decoded = decodePathSegment(slug);
  const { view, problem } = pageTimeView(search, `/articles/${encodeURIComponent(decoded ?? slug)}`);
  return { view, problem, article: decoded === null ? null : await cachedPublishedArticle(decoded, { view }) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { article } = await load(props);
  if (!article) return {};
  const description = (article.summary ?? `${article.claims.length} claims checked by Claimline.`).slice(0, 300);
  const url = `/articles/${encodeURIComponent(article.slug)}`;
  return {
    title: article.title,
    description,
    openGraph: { type: "article", title: article.title, description, url, publishedTime: article.publishedDate ?? undefined },
    twitter: { card: "summary", title: article.title, description },
    alternates: {
      canonical: url,
      types: { "application/atom+xml": [{ url: `/feeds/articles/${encodeURIComponent(article.slug)}`, title: `Status updates: ${article.title}` }] },
    },
  };
}

export default async function ArticlePage(props: Props) {
  await connection();
  const { article, view, problem } = await load(props);
  if (!article) notFound();
  const statuses = await cachedStatuses();
  const status = statusLookup(statuses);
  const anchored = article.claims.filter((c) => c.anchorState === "anchored");

  return (
    <article className="flex flex-col gap-10">
      <header className="flex max-w-3xl flex-col">
        <div className="mb-4">
          <AsOfControls path={`/articles/${encodeURIComponent(article.slug)}`} view={view} problem={problem} what="article" />
        </div>
        {article.notice ? (
          <p className="mb-4 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] px-3 py-2 text-sm" data-testid="article-notice">
            {article.notice}
          </p>
        ) : null}
        <h1 className="text-3xl font-semibold leading-tight tracking-tight">{article.title}</h1>
        {article.summary ? <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">{article.summary}</p> : null}
        <p className="mt-3 text-sm text-[var(--color-muted)]">
          {[article.outlet, article.byline && article.byline !== article.outlet ? article.byline : null, article.publishedDate ? formatDate(article.publishedDate) : null]
            .filter(Boolean)
            .join(" · ")}
          {linkHref(article.sourceUrl) ? (
            <>
              {" · "}
              <ExternalLink url={article.sourceUrl} className="underline">
                Original
              </ExternalLink>
            </>
          ) : null}
        </p>
      </header>

      <div className="max-w-3xl">
        <ArticleBody
          doc={article.bodyDoc}
          language={article.language}
          mentions={anchored.map((c) => ({ mentionId: c.mentionId, claimId: c.claimId, start: c.start, end: c.end, statusKey: c.currentStatus, statement: c.statement }))}
          status={status}
          renderMarker={(m) => (
            // Opens the claim's timeline in a popover (HTML popover API: works without JavaScript).
            <button
              type="button"
              popoverTarget={`claim-popover-${m.claimId}`}
              className="ml-0.5 inline-block cursor-pointer rounded align-baseline"
              style={{ color: status(m.statusKey).color }}
              aria-label={`${status(m.statusKey).labelEn}: ${m.statement}`}
            >
              <StatusIcon icon={status(m.statusKey).icon} className="inline h-4 w-4" />
            </button>
          )}
        />
        <ClaimPopovers claims={article.claims} status={status} view={view} />
      </div>

      <div className="flex max-w-3xl flex-col gap-4">
        <Scorecard statusKeys={article.claims.map((c) => c.currentStatus)} statuses={statuses} />
        <StatusLegend statuses={statuses.filter((s) => article.claims.some((c) => c.currentStatus === s.key))} />
        <ExportLinks
          apiBase={`/api/v1/articles/${encodeURIComponent(article.slug)}`}
          view={view}
          htmlReport={`/articles/${encodeURIComponent(article.slug)}/report`}
          pdfReport={`/articles/${encodeURIComponent(article.slug)}/report.pdf`}
        />
      </div>

      <section aria-labelledby="claims-heading" className="max-w-3xl">
        <h2 id="claims-heading" className="mb-4 text-xl font-semibold">
          Claims in this article ({article.claims.length})
        </h2>
        <ol className="flex flex-col gap-4">
          {article.claims.map((claim) => (
            <li key={claim.mentionId} id={`claim-${claim.claimId}`} className="scroll-mt-6 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-5">
              <div className="flex flex-wrap items-center gap-2">
                <span data-testid="current-status">
                  <StatusBadge status={status(claim.currentStatus)} />
                </span>
                <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{CLAIM_KIND_LABELS[claim.kind].en}</span>
              </div>
              {claim.notice ? (
                <p className="mt-2 text-sm text-[var(--color-muted)]" data-testid="claim-notice">
                  {claim.notice}
                </p>
              ) : null}
              <h3 className="mt-2 text-lg font-semibold">
                <a href={withTimeView(`/claims/${claim.claimId}`, view)} className="hover:underline">
                  {claim.statement}
                </a>
              </h3>
              <blockquote lang={article.language} className="mt-2 border-l-4 border-stone-300 pl-3 text-[var(--color-muted)]">
                “{claim.exact}”
              </blockquote>
              {/* The same popover as the marker in the text: each timeline is in the page once. */}
              <button type="button" popoverTarget={`claim-popover-${claim.claimId}`} className="mt-3 cursor-pointer text-sm font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
                Timeline ({claim.timeline.length})
              </button>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
