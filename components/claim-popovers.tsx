import { useLocale, useTranslations } from "next-intl";
import type { ArticleClaimDto } from "@/db/articles/published-articles";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { langOf } from "@/lib/article-doc/text-language";
import { type TimeView, withTimeView } from "@/lib/as-of";
import { withLocale } from "@/lib/i18n/locale-href";
import { StatusBadge } from "./status-badge";
import { Timeline } from "./timeline";

/**
 * One popover per claim of the article, opened by the marker after its words. The popover
 * API is declarative HTML, so this works without JavaScript and closes with Escape.
 *
 * Each is a non-modal dialog: a button opens it, it holds controls of its own (Close, a
 * link), and the page behind stays usable. Without a role a div may not carry aria-label
 * (ARIA in HTML), and the name is what a screen reader announces when it opens.
 */
export function ClaimPopovers({ claims, status, view }: { claims: ArticleClaimDto[]; status: (key: string) => StatusDto; view: TimeView | null }) {
  const t = useTranslations("reader.popover");
  const locale = useLocale();
  const unique = [...new Map(claims.map((c) => [c.claimId, c])).values()];
  return (
    <>
      {unique.map((claim) => (
        <div
          key={claim.claimId}
          id={`claim-popover-${claim.claimId}`}
          popover="auto"
          role="dialog"
          aria-label={t("label", { statement: claim.statement })}
          className="m-auto max-h-[85vh] w-[min(36rem,92vw)] overflow-y-auto rounded-xl border border-[var(--color-rule)] bg-[var(--color-surface)] p-5 text-[var(--color-ink)] shadow-xl backdrop:bg-black/30"
        >
          <div className="flex items-start justify-between gap-3">
            <StatusBadge status={status(claim.currentStatus)} />
            <button type="button" popoverTarget={`claim-popover-${claim.claimId}`} popoverTargetAction="hide" className="-mr-2 -mt-1 inline-flex h-8 w-8 shrink-0 items-center justify-center rounded text-xl leading-none" aria-label={t("close")}>
              ×
            </button>
          </div>
          <p lang={langOf(claim.statement, claim.statementLanguage)} className="mt-3 text-lg font-semibold">
            {claim.statement}
          </p>
          <div className="mt-4">
            <Timeline events={claim.timeline} status={status} />
          </div>
          <p className="mt-4 text-sm">
            <a href={withLocale(withTimeView(`/claims/${claim.claimId}`, view), locale)} className="text-[var(--color-accent)] underline">
              {t("claimPage")}
            </a>
          </p>
        </div>
      ))}
    </>
  );
}
