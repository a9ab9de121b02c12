import { scaleBand, scaleLinear } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import type { StatusChangeCountDto } from "@/db/tracker/status-changes";
import { StatusBadge } from "@/components/status-badge";
import { statusLabel } from "@/lib/localized-labels";

const WIDTH = 800;
const HEIGHT = 180;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 32 };

/** A tenth of a unit is finer than the chart's pixels; more digits only add bytes. */
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Status changes per month across the selected claims, stacked by status, with the numbers in a
 * table underneath (the chart is a summary; the table is the data, for every reader).
 */
export function StatusChangesChart({ changes, status }: { changes: StatusChangeCountDto[]; status: (key: string) => StatusDto }) {
  const t = useTranslations("reader.charts");
  const locale = useLocale();
  if (changes.length === 0) return null;
  const months = [...new Set(changes.map((c) => c.month))].sort();
  const keys = [...new Set(changes.map((c) => c.statusKey))];
  const byCell = new Map(changes.map((c) => [`${c.month} ${c.statusKey}`, c.count]));
  const byMonth = new Map<string, StatusChangeCountDto[]>();
  for (const c of changes) byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), c]);
  const totals = new Map(months.map((m) => [m, (byMonth.get(m) ?? []).reduce((n, c) => n + c.count, 0)]));
  const x = scaleBand().domain(months).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(...totals.values())])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const labelEvery = Math.ceil(months.length / 12);
  // Each month's bar stacks its statuses bottom up; each status collects its rectangles as path segments.
  const segments = new Map(keys.map((key) => [key, [] as string[]]));
  const width = round(x.bandwidth());
  for (const month of months) {
    let top = y(0);
    for (const c of byMonth.get(month) ?? []) {
      const height = y(0) - y(c.count);
      top -= height;
      segments.get(c.statusKey)!.push(`M${round(x(month) ?? 0)} ${round(top)}h${width}v${round(height)}h-${width}z`);
    }
  }
  return (
    <figure className="flex flex-col gap-2" data-testid="status-changes-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={t("changesLabel")}>
        {y.ticks(3).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} stroke="currentColor" className="text-[var(--color-rule)]" />
            <text x={MARGIN.left - 6} y={4} fontSize={11} textAnchor="end" fill="currentColor" className="text-[var(--color-muted)]">
              {tick}
            </text>
          </g>
        ))}
        {/* One path per status, a rectangle per month in it: at 120 months × 10 statuses, a <rect> each made the page 0.6 MB. */}
        {keys.map((key) => (
          <path key={key} d={segments.get(key)!.join("")} fill={status(key).color} stroke="var(--color-surface)" strokeWidth={1} data-status={key} />
        ))}
        {months.map((month, i) =>
          i % labelEvery === 0 ? (
            <text key={month} x={round((x(month) ?? 0) + x.bandwidth() / 2)} y={HEIGHT - 6} fontSize={11} textAnchor="middle" fill="currentColor" className="text-[var(--color-muted)]">
              {month}
            </text>
          ) : null,
        )}
      </svg>
      {/* Which colour is which status, by name and icon: the bars alone tell them apart by colour only. */}
      <ul aria-label={t("legend")} className="flex flex-wrap gap-2" data-testid="chart-legend">
        {keys.map((key) => (
          <li key={key}>
            <StatusBadge status={status(key)} size="sm" />
          </li>
        ))}
      </ul>
      {/* One row per month and one column per status: a third of the cells of a row per (month, status), for the same numbers. */}
      <details className="text-sm">
        <summary className="cursor-pointer text-[var(--color-muted)]">{t("numbers")}</summary>
        <table className="mt-2 text-left tabular-nums [&_td]:pr-4 [&_th]:pr-4">
          <caption className="sr-only">{t("changesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="font-medium">
                {t("month")}
              </th>
              {keys.map((key) => (
                <th key={key} scope="col" className="font-medium">
                  {statusLabel(status(key), locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month}>
                <th scope="row" className="font-normal">
                  {month}
                </th>
                {keys.map((key) => (
                  <td key={key}>{byCell.get(`${month} ${key}`) ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
