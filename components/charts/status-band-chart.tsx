import { scaleTime } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { formatChineseTick, formatDate } from "@/lib/format";
import { statusLabel } from "@/lib/localized-labels";
import type { StatusBand } from "@/lib/status-bands";

const WIDTH = 1000;
const BAND_HEIGHT = 36;
const AXIS_HEIGHT = 22;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The claim's status over time as one horizontal band: a coloured stretch per status with its
 * name written in when it fits, a time axis, and the same facts in words underneath, so the
 * chart never relies on colour alone. Server-rendered SVG: no JavaScript needed.
 */
export function StatusBandChart({ bands, status, end, claimId }: { bands: StatusBand[]; status: (key: string) => StatusDto; end: string; claimId?: number }) {
  const t = useTranslations("reader.charts");
  const locale = useLocale();
  if (bands.length === 0) return null;
  const date = (day: string) => formatDate(day, "day", locale);
  const x = scaleTime().domain([utc(bands[0]!.from), utc(end)]).range([0, WIDTH]);
  const ticks = x.ticks(Math.min(8, Math.max(2, bands.length + 2)));
  // A report draws one chart per claim, and claims of one article often share their dates.
  const captionId = `band-caption-${claimId ?? ""}-${bands[0]!.from}-${end}`;
  return (
    <figure className="flex flex-col gap-2" data-testid="status-band-chart">
      <svg viewBox={`0 0 ${WIDTH} ${BAND_HEIGHT + AXIS_HEIGHT}`} className="h-auto w-full" role="img" aria-labelledby={captionId}>
        {bands.map((band) => {
          const left = x(utc(band.from));
          const width = Math.max(2, x(utc(band.to)) - left);
          const s = status(band.statusKey);
          return (
            <g key={`${band.from}-${band.statusKey}`}>
              <rect x={left} y={0} width={width} height={BAND_HEIGHT} fill={s.color} stroke="#fff" strokeWidth={2} />
              {width > 90 ? (
                <text x={left + 8} y={BAND_HEIGHT / 2 + 5} fill="#fff" fontSize={15} fontWeight={600}>
                  {statusLabel(s, locale)}
                </text>
              ) : null}
            </g>
          );
        })}
        {ticks.map((tick) => (
          <g key={tick.toISOString()} transform={`translate(${x(tick)},${BAND_HEIGHT})`}>
            <line y1={0} y2={5} stroke="#78716c" />
            <text y={18} fontSize={13} fill="currentColor" className="text-[var(--color-muted)]" textAnchor="middle">
              {locale === "zh-Hans" ? formatChineseTick(tick) : x.tickFormat()(tick)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id={captionId} className="text-sm text-[var(--color-muted)]">
        {t("bandCaption", {
          bands: bands
            .map((band, i) => {
              const label = statusLabel(status(band.statusKey), locale);
              return i === bands.length - 1 ? t("bandFrom", { status: label, date: date(band.from) }) : t("bandRange", { status: label, from: date(band.from), to: date(band.to) });
            })
            .join(t("bandSeparator")),
        })}
      </figcaption>
    </figure>
  );
}
