import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { MergePairForm } from "@/components/editor/merge-pair-form";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { listLikelyDuplicates } from "@/db/claims/duplicate-claims";
import type { MatchedClaimDto } from "@/db/claims/claim-match-rows";
import { listStatuses, type StatusDto } from "@/db/statuses/list-statuses";
import { mergeDuplicateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("duplicates") };
}

/** Desk-wide: pairs of claims that read alike, most alike first, each with a merge. */
export default async function DuplicatesPage() {
  const user = await requireSessionUser("/editor/duplicates");
  const pairs = await listLikelyDuplicates(user, {});
  const status = statusLookup(await listStatuses());
  const [t, locale] = await Promise.all([getTranslations("editor.duplicates"), getLocale()]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 max-w-prose text-sm text-[var(--color-muted)]">
        {t("intro")}
      </p>
      {pairs.length === 0 ? <p className="mt-6">{t("none")}</p> : null}
      <ol className="mt-6 flex flex-col gap-4">
        {pairs.map(({ score, first, second }) => (
          <li key={`${first.id}-${second.id}`} className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="duplicate-pair">
            <p className="text-sm font-medium">{t("alike", { percent: Math.round(score * 100) })}</p>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <ClaimSummary claim={first} status={status} locale={locale} inArticles={t("inArticles", { titles: first.articles.map((a) => a.title).join(t("separator")) })} />
              <ClaimSummary claim={second} status={status} locale={locale} inArticles={t("inArticles", { titles: second.articles.map((a) => a.title).join(t("separator")) })} />
            </div>
            <MergePairForm first={first} second={second} action={mergeDuplicateAction} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ClaimSummary({ claim, status, locale, inArticles }: { claim: MatchedClaimDto; status: (key: string) => StatusDto; locale: Locale; inArticles: string }) {
  return (
    <div className="text-sm">
      <StatusBadge status={status(claim.currentStatus)} size="sm" />
      <p className="mt-1">
        <Link href={withLocale(`/editor/claims/${claim.id}`, locale)} className="underline">
          #{claim.id} {claim.statement}
        </Link>
      </p>
      <p className="mt-1 text-[var(--color-muted)]">{inArticles}</p>
    </div>
  );
}
