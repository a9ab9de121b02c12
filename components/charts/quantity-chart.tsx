import { scaleLinear, scaleTime } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { ObservationDto } from "@/db/claims/public-claim";
import { formatChineseTick, formatDate } from "@/lib/format";
import { ExternalLink } from "../external-link";

const WIDTH = 600;
const HEIGHT = 200;
const MARGIN = { top: 16, right: 24, bottom: 28, left: 72 };
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
// Compact figures in the page's language: "175B" in English, "1750亿" in Chinese.
const COMPACT = {
  en: new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 }),
  "zh-Hans": new Intl.NumberFormat("zh-Hans", { notation: "compact", maximumFractionDigits: 2 }),
};

export interface FigurePoint {
  value: number;
  on: string;
  label: string;
}

/**
 * How a claimed figure moved: the value as claimed, then each later observation, as dots on a
 * time axis with their values written beside them, and a table with the sources underneath.
 */
export function QuantityChart({ claimed, observations, unit }: { claimed: FigurePoint | null; observations: ObservationDto[]; unit: string }) {
  const t = useTranslations("reader.charts");
  const locale = useLocale();
  const compact = COMPACT[locale];
  const points: FigurePoint[] = [...(claimed ? [claimed] : []), ...observations.map((o) => ({ value: o.value, on: o.observedOn, label: o.note ?? t("laterValue") }))];
  if (points.length === 0) return null;
  const dates = points.map((p) => utc(p.on).getTime());
  const [minDate, maxDate] = [Math.min(...dates), Math.max(...dates)];
  const x = scaleTime()
    .domain([new Date(minDate), new Date(maxDate === minDate ? minDate + 86_400_000 * 30 : maxDate)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(...points.map((p) => p.value)) * 1.1 || 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(utc(p.on))},${y(p.value)}`).join(" ");
  return (
    <figure className="flex flex-col gap-3" data-testid="quantity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-xl" role="img" aria-label={unit ? t("figureLabel", { unit }) : t("figureLabelNoUnit")}>
        {y.ticks(4).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} stroke="#e7e5e4" />
            <text x={MARGIN.left - 8} y={4} fontSize={12} fill="currentColor" className="text-[var(--color-muted)]" textAnchor="end">
              {compact.format(tick)}
            </text>
          </g>
        ))}
        {x.ticks(4).map((tick) => (
          <text key={tick.toISOString()} x={x(tick)} y={HEIGHT - 8} fontSize={12} fill="currentColor" className="text-[var(--color-muted)]" textAnchor="middle">
            {locale === "zh-Hans" ? formatChineseTick(tick) : x.tickFormat()(tick)}
          </text>
        ))}
        <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={2} />
        {points.map((p, i) => (
          <g key={i} transform={`translate(${x(utc(p.on))},${y(p.value)})`}>
            <circle r={5} fill={i === 0 && claimed ? "#fff" : "#1d4ed8"} stroke="#1d4ed8" strokeWidth={2} />
            <text x={8} y={-8} fontSize={12} fill="currentColor">
              {compact.format(p.value)}
            </text>
          </g>
        ))}
      </svg>
      <table className="w-full max-w-xl text-left text-sm">
        <caption className="sr-only">{t("figureCaption")}</caption>
        <thead className="text-[var(--color-muted)]">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{t("date")}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t("value")}</th>
            <th scope="col" className="py-1 font-medium">{t("source")}</th>
          </tr>
        </thead>
        <tbody>
          {claimed ? (
            <tr className="border-t border-[var(--color-rule)]">
              <td className="py-1 pr-3">{formatDate(claimed.on, "day", locale)}</td>
              <td className="py-1 pr-3">
                {compact.format(claimed.value)} {unit}
              </td>
              <td className="py-1">{claimed.label}</td>
            </tr>
          ) : null}
          {observations.map((o) => (
            <tr key={o.id} className="border-t border-[var(--color-rule)]">
              <td className="py-1 pr-3">{formatDate(o.observedOn, "day", locale)}</td>
              <td className="py-1 pr-3">
                {compact.format(o.value)} {o.unit}
              </td>
              <td className="py-1">
                {o.source ? (
                  <ExternalLink url={o.source.url} className="text-[var(--color-accent)] underline">
                    {o.source.title || o.source.url}
                  </ExternalLink>
                ) : (
                  o.note ?? "—"
                )}
                {o.source?.publisher ? <span className="text-[var(--color-muted)]"> · {o.source.publisher}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
