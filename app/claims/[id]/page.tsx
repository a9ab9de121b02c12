import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AsOfControls } from "@/components/as-of-controls";
import { QuantityChart } from "@/components/charts/quantity-chart";
import { StatusBandChart } from "@/components/charts/status-band-chart";
import { ClaimReviewScript } from "@/components/claim-review-script";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { cachedMergeTarget, cachedPublicClaim, cachedStatuses } from "@/app/_lib/reader-cache";
import { type TimeViewSearch, pageTimeView } from "@/app/_lib/page-time-view";
import { langOf } from "@/lib/article-doc/text-language";
import { withTimeView } from "@/lib/as-of";
import { formatDate, quoted } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";
import { kindLabel } from "@/lib/localized-labels";
import { standingReason } from "@/lib/claim-on-day";
import { statusBands } from "@/lib/status-bands";
import { todayIso } from "@/lib/today";
import { idParam } from "@/lib/validation";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<TimeViewSearch> };

async function load({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { view, problem } = pageTimeView(search, `/claims/${encodeURIComponent(id)}`);
  const claimId = idParam.safeParse(id);
  const claim = claimId.success ? await cachedPublicClaim(claimId.data, { view }) : null;
  // A claim merged into another lives on there: old links and shared URLs follow it.
  if (!claim && claimId.success) {
    const target = await cachedMergeTarget(claimId.data);
    if (target !== null) permanentRedirect(withLocale(withTimeView(`/claims/${target}`, view), await getLocale()));
  }
  return { view, problem, claim };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { claim } = await load(props);
  if (!claim) return {};
  const [statuses, t, tr, locale] = await Promise.all([cachedStatuses(), getTranslations("reader.claim"), getTranslations("reader"), getLocale()]);
  const status = statusLookup(statuses)(claim.currentStatus);
  const latest = claim.timeline.at(-1)?.rationale;
  const description = t("metaDescription", { labelEn: status.labelEn, labelZh: status.labelZh, text: latest ?? t("metaFallback") }).slice(0, 300);
  const url = `/claims/${claim.id}`;
  return {
    title: claim.statement,
    description,
    openGraph: { type: "article", title: claim.statement, description, url },
    twitter: { card: "summary", title: claim.statement, description },
    // Each language is its own page (hreflang alternates in the Link header): canonical to itself.
    alternates: { canonical: withLocale(url, locale), types: { "application/atom+xml": [{ url: `/feeds/claims/${claim.id}`, title: tr("feedTitle", { title: claim.statement }) }] } },
  };
}

export default async function ClaimPage(props: Props) {
  await connection();
  const { claim, view, problem } = await load(props);
  if (!claim) notFound();
  const [statuses, locale, t] = await Promise.all([cachedStatuses(), getLocale(), getTranslations("reader.claim")]);
  const status = statusLookup(statuses);
  const tStanding = await getTranslations("reader.standing");
  const reason = standingReason({ firstMadeOn: claim.firstMadeOn, trackedSinceMs: Date.parse(`${claim.trackedSince}T00:00:00Z`) }, view);
  const date = (day: string) => formatDate(day, "day", locale);
  const end = view?.day ?? todayIso();
  const bands = statusBands(
    claim.timeline.map((e) => ({ ...e, recordedAt: Date.parse(e.recordedAt), visibility: "published" as const })),
    claim.claimDate,
    end,
  );
  const facts = [
    // The claimant is a name as written (雷军): the one fact in the user's language, not the interface's.
    claim.claimant ? [t("claimant"), claim.claimant, langOf(claim.claimant)] : null,
    claim.claimDate ? [t("claimedOn"), formatDate(claim.claimDate, "day", locale)] : null,
    [t("kind"), kindLabel(claim.kind, locale)],
  ].filter((f): f is [string, string, string?] => f !== null);
  const path = `/claims/${claim.id}`;

  return (
    <article className="flex max-w-3xl flex-col gap-8">
      <ClaimReviewScript claim={claim} status={status(claim.currentStatus)} />
      <header className="flex flex-col gap-4">
        <AsOfControls path={path} view={view} problem={problem} what="claim" />
        {reason ? (
          <p className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] px-3 py-2" data-testid="claim-notice">
            {reason.kind === "notYetMade"
              ? tStanding("notYetMade", { made: date(reason.firstMadeOn), day: date(reason.day) })
              : tStanding("notYetTracked", { since: date(reason.since), day: date(reason.day) })}
          </p>
        ) : (
          <p data-testid="current-status">
            <StatusBadge status={status(claim.currentStatus)} />
          </p>
        )}
        <h1 lang={langOf(claim.statement, claim.statementLanguage)} className="text-3xl font-semibold leading-tight tracking-tight">
          {claim.statement}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([term, value, lang]) => (
            <div key={term} className="contents">
              <dt className="text-[var(--color-muted)]">{term}</dt>
              <dd lang={lang}>{value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="band-heading">
        <h2 id="band-heading" className="mb-3 text-xl font-semibold">
          {t("bandHeading")}
        </h2>
        <StatusBandChart bands={bands} status={status} end={end} />
      </section>

      {claim.quantity || claim.observations.length > 0 ? (
        <section aria-labelledby="figure-heading">
          <h2 id="figure-heading" className="mb-3 text-xl font-semibold">
            {t("figureHeading")}
          </h2>
          <QuantityChart
            claimed={claim.quantity ? { value: claim.quantity.value, on: claim.quantity.asOf ?? claim.claimDate ?? claim.appearances[0]?.publishedDate ?? end, label: t("asClaimed") } : null}
            observations={claim.observations}
            unit={claim.quantity?.unit ?? claim.observations[0]?.unit ?? ""}
          />
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-4 text-xl font-semibold">
          {t.rich("timelineHeading", { small: (chunks) => <span className="text-base font-normal text-[var(--color-muted)]">{chunks}</span> })}
        </h2>
        <Timeline events={claim.timeline} status={status} />
        <p className="mt-4 text-sm">
          <a href={`/feeds/claims/${claim.id}`} className="text-[var(--color-accent)] underline">
            {t("follow")}
          </a>
        </p>
      </section>

      <section aria-labelledby="appearances-heading">
        <h2 id="appearances-heading" className="mb-3 text-xl font-semibold">
          {reportedIn(claim.appearances, t)}
        </h2>
        <p className="-mt-2 mb-3 text-sm text-[var(--color-muted)]">{t("appearancesNote")}</p>
        <ul className="flex flex-col gap-3">
          {claim.appearances.map((a) => (
            <li key={a.mentionId} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
              <blockquote lang={langOf(a.exact, a.quoteLanguage, a.articleLanguage)} className="border-l-4 border-stone-300 pl-3">
                {quoted(a.exact)}
              </blockquote>
              <p className="mt-2 text-sm text-[var(--color-muted)]">
                <Link href={withLocale(withTimeView(`/articles/${encodeURIComponent(a.articleSlug)}#claim-${claim.id}`, view), locale)} lang={a.articleLanguage} className="text-[var(--color-accent)] underline">
                  {a.articleTitle}
                </Link>
                {a.outlet ? (
                  <span lang={langOf(a.outlet)}>
                    {" · "}
                    {a.outlet}
                  </span>
                ) : null}
                {a.publishedDate ? ` · ${formatDate(a.publishedDate, "day", locale)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** "Reported in 12 articles" (and how many quotes, when an article makes the claim more than once). */
function reportedIn(appearances: { articleSlug: string }[], t: Awaited<ReturnType<typeof getTranslations<"reader.claim">>>): string {
  const articles = new Set(appearances.map((a) => a.articleSlug)).size;
  return appearances.length > articles ? t("reportedInQuotes", { articles, quotes: appearances.length }) : t("reportedIn", { articles });
}
