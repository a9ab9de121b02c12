import { scaleLinear, scaleTime } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { ObservationDto } from "@/db/claims/public-claim-dto";
import { formatChineseTick, formatDate } from "@/lib/format";
import { ExternalLink } from "../external-link";
import { edgeAnchor, percent, PHONE_HIDDEN, shownOnPhone } from "./chart-geometry";

const WIDTH = 600;
const HEIGHT = 200;
const MARGIN = { top: 20, bottom: 28 };
/** The column of values left of the plot, in CSS px. */
const AXIS_WIDTH = 52;
/** Keeps the first and last dots off the plot's edges (in WIDTH units). */
const INSET = 24;
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
 * The line is drawn in a stretched inner SVG; dots and words are placed in percentages and keep
 * their CSS size (see chart-geometry.ts), so they stay round and readable on a phone.
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
    .range([INSET, WIDTH - INSET]);
  const y = scaleLinear()
    .domain([0, Math.max(...points.map((p) => p.value)) * 1.1 || 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(utc(p.on))},${y(p.value)}`).join(" ");
  const xTicks = x.ticks(4);
  return (
    <figure className="flex flex-col gap-3" data-testid="quantity-chart">
      <div className="flex w-full max-w-xl" role="img" aria-label={unit ? t("figureLabel", { unit }) : t("figureLabelNoUnit")}>
        <svg width={AXIS_WIDTH} height={HEIGHT} className="shrink-0" aria-hidden="true">
          {y.ticks(4).map((tick) => (
            <text key={tick} x={AXIS_WIDTH - 8} y={y(tick) + 4} fontSize={12} fill="currentColor" className="text-[var(--color-muted)]" textAnchor="end">
              {compact.format(tick)}
            </text>
          ))}
        </svg>
        <svg width="100%" height={HEIGHT} className="block min-w-0 flex-1" aria-hidden="true">
          {y.ticks(4).map((tick) => (
            <line key={tick} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" />
          ))}
          {xTicks.map((tick, i) => (
            <text
              key={tick.toISOString()}
              x={percent(x(tick), WIDTH)}
              y={HEIGHT - 8}
              fontSize={12}
              fill="currentColor"
              className={`text-[var(--color-muted)] ${shownOnPhone(i, xTicks.length, 3) ? "" : PHONE_HIDDEN}`}
              textAnchor={edgeAnchor(x(tick), WIDTH)}
            >
              {locale === "zh-Hans" ? formatChineseTick(tick) : x.tickFormat()(tick)}
            </text>
          ))}
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT}>
            <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={2} vectorEffect="non-scaling-stroke" />
          </svg>
          {points.map((p, i) => {
            const at = x(utc(p.on));
            // A value right of its dot, or left of it near the right edge, where it would be cut off.
            const nearRight = at > WIDTH * 0.8;
            return (
              <g key={i}>
                <circle cx={percent(at, WIDTH)} cy={y(p.value)} r={5} fill={i === 0 && claimed ? "#fff" : "#1d4ed8"} stroke="#1d4ed8" strokeWidth={2} />
                <text x={percent(at, WIDTH)} dx={nearRight ? -8 : 8} y={y(p.value) - 8} fontSize={12} fill="currentColor" textAnchor={nearRight ? "end" : "start"}>
                  {compact.format(p.value)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
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
