import { scaleBand, scaleLinear } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import type { StatusChangeCountDto } from "@/db/tracker/status-changes";
import { StatusBadge } from "@/components/status-badge";
import { edgeAnchor, percent, PHONE_HIDDEN, shownOnPhone } from "./chart-geometry";
import { statusLabel } from "@/lib/localized-labels";

const WIDTH = 800;
const HEIGHT = 180;
const MARGIN = { top: 8, bottom: 24 };
/** The column of counts left of the bars, in CSS px. */
const AXIS_WIDTH = 32;

/** A tenth of a unit is finer than the chart's pixels; more digits only add bytes. */
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Status changes per month across the selected claims, stacked by status, with the numbers in a
 * table underneath (the chart is a summary; the table is the data, for every reader).
 *
 * The bars are drawn in a stretched inner SVG (their shapes may scale); the counts and months
 * are text at their CSS size, placed in percentages (see chart-geometry.ts), so they stay
 * readable on a phone, where fewer months are labelled.
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
  const x = scaleBand().domain(months).range([0, WIDTH]).padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(...totals.values())])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const labelEvery = Math.ceil(months.length / 12);
  const labelled = months.filter((_, i) => i % labelEvery === 0);
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
  const ticks = y.ticks(3);
  return (
    <figure className="flex flex-col gap-2" data-testid="status-changes-chart">
      <div className="flex" role="img" aria-label={t("changesLabel")}>
        <svg width={AXIS_WIDTH} height={HEIGHT} className="shrink-0" aria-hidden="true">
          {ticks.map((tick) => (
            <text key={tick} x={AXIS_WIDTH - 6} y={y(tick) + 4} fontSize={12} textAnchor="end" fill="currentColor" className="text-[var(--color-muted)]">
              {tick}
            </text>
          ))}
        </svg>
        <svg width="100%" height={HEIGHT} className="block min-w-0 flex-1" aria-hidden="true">
          {ticks.map((tick) => (
            <line key={tick} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} stroke="currentColor" className="text-[var(--color-rule)]" />
          ))}
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT}>
            {/* One path per status, a rectangle per month in it: at 120 months × 10 statuses, a <rect> each made the page 0.6 MB. */}
            {keys.map((key) => (
              <path key={key} d={segments.get(key)!.join("")} fill={status(key).color} stroke="var(--color-surface)" strokeWidth={1} vectorEffect="non-scaling-stroke" data-status={key} />
            ))}
          </svg>
          {labelled.map((month, i) => {
            const at = (x(month) ?? 0) + x.bandwidth() / 2;
            return (
              <text
                key={month}
                x={percent(at, WIDTH)}
                y={HEIGHT - 6}
                fontSize={12}
                textAnchor={edgeAnchor(at, WIDTH)}
                fill="currentColor"
                className={`text-[var(--color-muted)] ${shownOnPhone(i, labelled.length, 4) ? "" : PHONE_HIDDEN}`}
              >
                {month}
              </text>
            );
          })}
        </svg>
      </div>
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
