import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ArticleBody } from "@/components/article-body";
import { ClaimPopovers } from "@/components/claim-popovers";
import { ExternalLink } from "@/components/external-link";
import { Scorecard } from "@/components/scorecard";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { StatusIcon } from "@/components/status-icon";
import { StatusLegend } from "@/components/status-legend";
import type { PublishedArticleDto } from "@/db/articles/published-articles";
import type { StatusDto } from "@/db/statuses/list-statuses";
import type { TimeView } from "@/lib/as-of";
import { langOf } from "@/lib/article-doc/text-language";
import { formatDate, quoted } from "@/lib/format";
import { kindLabel, statusLabel } from "@/lib/localized-labels";
import { linkHref } from "@/lib/link-href";

/**
 * An article as readers see it: header, highlighted body, scorecard and the list of its
 * claims. One component for the reader page and the editor's preview, so a preview is
 * exactly what readers will get.
 */
export function ReaderArticle({
  article,
  statuses,
  view,
  controls,
  exports,
  claimHref,
}: {
  article: PublishedArticleDto;
  statuses: StatusDto[];
  view: TimeView | null;
  /** Above the title: the as-of control on the reader page. */
  controls?: ReactNode;
  /** Below the scorecard: the export links on the reader page. */
  exports?: ReactNode;
  /** Where a claim's statement links to (its reader page), or null for no link (a preview's claims have no public page yet). */
  claimHref: ((claimId: number) => string) | null;
}) {
  const t = useTranslations("reader");
  const locale = useLocale();
  const status = statusLookup(statuses);
  const anchored = article.claims.filter((c) => c.anchorState === "anchored");
  return (
    <article className="flex flex-col gap-10">
      <header className="flex max-w-3xl flex-col">
        {controls ? <div className="mb-4">{controls}</div> : null}
        {article.notice ? (
          <p className="mb-4 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] px-3 py-2 text-sm" data-testid="article-notice">
            {article.notice}
          </p>
        ) : null}
        <h1 lang={article.language} className="text-3xl font-semibold leading-tight tracking-tight">
          {article.title}
        </h1>
        {article.summary ? <p lang={langOf(article.summary)} className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">{article.summary}</p> : null}
        <p className="mt-3 text-sm text-[var(--color-muted)]">
          {/* Outlet and byline are names as written (新华社), each marked with its language. */}
          {[article.outlet, article.byline && article.byline !== article.outlet ? article.byline : null]
            .filter((name): name is string => Boolean(name))
            .map((name, i) => (
              <span key={i} lang={langOf(name)}>
                {i > 0 ? " · " : ""}
                {name}
              </span>
            ))}
          {article.publishedDate ? `${article.outlet || article.byline ? " · " : ""}${formatDate(article.publishedDate, "day", locale)}` : null}
          {linkHref(article.sourceUrl) ? (
            <>
              {" · "}
              <ExternalLink url={article.sourceUrl} className="underline">
                {t("article.original")}
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
            // 24×24 around the 16 px icon (WCAG 2.2 target size), still inside the body's line height.
            <button
              type="button"
              popoverTarget={`claim-popover-${m.claimId}`}
              className="inline-flex h-6 w-6 cursor-pointer items-center justify-center rounded align-middle"
              style={{ color: status(m.statusKey).color }}
              aria-label={t("markerLabel", { status: statusLabel(status(m.statusKey), locale), statement: m.statement })}
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
        {exports}
      </div>

      <section aria-labelledby="claims-heading" className="max-w-3xl">
        <h2 id="claims-heading" className="mb-4 text-xl font-semibold">
          {t("article.claimsHeading", { count: article.claims.length })}
        </h2>
        <ol className="flex flex-col gap-4">
          {article.claims.map((claim) => (
            <li key={claim.mentionId} id={`claim-${claim.claimId}`} className="scroll-mt-6 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-5">
              <div className="flex flex-wrap items-center gap-2">
                <span data-testid="current-status">
                  <StatusBadge status={status(claim.currentStatus)} />
                </span>
                <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{kindLabel(claim.kind, locale)}</span>
              </div>
              {claim.notice ? (
                <p className="mt-2 text-sm text-[var(--color-muted)]" data-testid="claim-notice">
                  {claim.notice}
                </p>
              ) : null}
              <h3 lang={langOf(claim.statement, claim.statementLanguage)} className="mt-2 text-lg font-semibold">
                {claimHref ? (
                  <a href={claimHref(claim.claimId)} className="hover:underline">
                    {claim.statement}
                  </a>
                ) : (
                  claim.statement
                )}
              </h3>
              <blockquote lang={langOf(claim.exact, claim.quoteLanguage, article.language)} className="mt-2 border-l-4 border-stone-300 pl-3 text-[var(--color-muted)]">
                {quoted(claim.exact)}
              </blockquote>
              {/* The same popover as the marker in the text: each timeline is in the page once. */}
              <button type="button" popoverTarget={`claim-popover-${claim.claimId}`} className="mt-3 cursor-pointer text-sm font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
                {t("article.timelineButton", { count: claim.timeline.length })}
              </button>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
