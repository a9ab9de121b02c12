import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusIcon } from "./status-icon";

/**
 * How an article's claims stand: a count per status and a stacked bar. Each count is written
 * out with the status's icon and name, so the bar is never the only carrier of the meaning.
 */
export function Scorecard({ statusKeys, statuses }: { statusKeys: string[]; statuses: StatusDto[] }) {
  const counts = statuses
    .map((status) => ({ status, count: statusKeys.filter((key) => key === status.key).length }))
    .filter((entry) => entry.count > 0);
  const t = useTranslations("reader");
  const total = statusKeys.length;
  if (total === 0) return null;
  return (
    <section aria-labelledby="scorecard-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4" data-testid="scorecard">
      <h2 id="scorecard-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-[var(--color-muted)]">
        {t("scorecard.heading", { count: total })}
      </h2>
      <div className="flex h-3 w-full overflow-hidden rounded-full" aria-hidden="true">
        {counts.map(({ status, count }) => (
          <span key={status.key} style={{ width: `${(count / total) * 100}%`, backgroundColor: status.color }} className="border-r-2 border-[var(--color-surface)] last:border-r-0" />
        ))}
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label={t("statusCountsLabel")}>
        {counts.map(({ status, count }) => (
          <li key={status.key} className="flex items-center gap-1.5" data-status={status.key}>
            <span style={{ color: status.color }}>
              <StatusIcon icon={status.icon} />
            </span>
            <span className="font-semibold">{count}</span>
            <span>{status.labelEn}</span>
            <span lang="zh-Hans" className="text-[var(--color-muted)]">
              {status.labelZh}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
