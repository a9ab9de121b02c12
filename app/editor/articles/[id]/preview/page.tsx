import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article-body";
import { ClaimPopovers } from "@/components/claim-popovers";
import { ExternalLink } from "@/components/external-link";
import { Scorecard } from "@/components/scorecard";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { StatusIcon } from "@/components/status-icon";
import { StatusLegend } from "@/components/status-legend";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { getArticlePreview } from "@/db/articles/article-preview";
import { listStatuses } from "@/db/statuses/list-statuses";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { linkHref } from "@/lib/link-href";
import { idParam } from "@/lib/validation";

// An editor page: rendered per request with Next's "private, no-store" (never the reader page
// cache, which keeps only reader paths requested without a session: server/cacheable.mjs).
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/**
 * A draft exactly as readers will see it: the reader article page's components and data
 * (db/articles/published-articles.ts readerView), under a banner that says it is a preview.
 * Keep in step with app/articles/[slug]/page.tsx.
 */
export default async function ArticlePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await requireSessionUser(`/editor/articles/${id.data}/preview`);
  let article;
  try {
    article = getArticlePreview(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const statuses = listStatuses();
  const status = statusLookup(statuses);
  const anchored = article.claims.filter((c) => c.anchorState === "anchored");

  return (
    <div className="flex flex-col gap-8">
      <div role="note" aria-label="Preview" className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-stone-900">
        <p>
          <strong className="text-lg uppercase tracking-wide">Preview</strong>{" "}
          <span>
            {article.status === "published" ? "This article is published; readers see this page." : "A draft: readers cannot see this page until it is published."}
          </span>
        </p>
        <Link href={`/editor/articles/${article.id}`} className="font-medium underline">
          Back to the workbench
        </Link>
      </div>
      <article className="flex flex-col gap-10">
        <header className="flex max-w-3xl flex-col">
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
          <ClaimPopovers claims={article.claims} status={status} asOf={null} />
        </div>

        <div className="flex max-w-3xl flex-col gap-4">
          <Scorecard statusKeys={article.claims.map((c) => c.currentStatus)} statuses={statuses} />
          <StatusLegend statuses={statuses.filter((s) => article.claims.some((c) => c.currentStatus === s.key))} />
        </div>

        <section aria-labelledby="claims-heading" className="max-w-3xl">
          <h2 id="claims-heading" className="mb-4 text-xl font-semibold">
            Claims in this article ({article.claims.length})
          </h2>
          <ol className="flex flex-col gap-4">
            {article.claims.map((claim) => (
              <li key={claim.mentionId} id={`claim-${claim.claimId}`} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-5">
                <div className="flex flex-wrap items-center gap-2">
                  <span data-testid="current-status">
                    <StatusBadge status={status(claim.currentStatus)} />
                  </span>
                  <span className="text-xs uppercase tracking-wide text-[var(--color-muted)]">{CLAIM_KIND_LABELS[claim.kind].en}</span>
                </div>
                <h3 className="mt-2 text-lg font-semibold">{claim.statement}</h3>
                <blockquote lang={article.language} className="mt-2 border-l-4 border-stone-300 pl-3 text-[var(--color-muted)]">
                  “{claim.exact}”
                </blockquote>
                <button type="button" popoverTarget={`claim-popover-${claim.claimId}`} className="mt-3 cursor-pointer text-sm font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
                  Timeline ({claim.timeline.length})
                </button>
              </li>
            ))}
          </ol>
        </section>
      </article>
    </div>
  );
}
