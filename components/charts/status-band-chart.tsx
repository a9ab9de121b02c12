import { scaleTime } from "d3-scale";
import { useLocale, useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { formatChineseTick, formatDate } from "@/lib/format";
import { statusLabel } from "@/lib/localized-labels";
import type { StatusBand } from "@/lib/status-bands";
import { edgeAnchor, percent, PHONE_HIDDEN, shownOnPhone } from "./chart-geometry";

const WIDTH = 1000;
const BAND_HEIGHT = 36;
const AXIS_HEIGHT = 22;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The claim's status over time as one horizontal band: a coloured stretch per status with its
 * name written in when it fits, a time axis, and the same facts in words underneath, so the
 * chart never relies on colour alone. Server-rendered SVG: no JavaScript needed. Positions are
 * percentages and text keeps its CSS size (see chart-geometry.ts), so labels stay readable on
 * a phone; there, names go only in bands wide enough for them, and the axis has fewer dates.
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
      <svg width="100%" height={BAND_HEIGHT + AXIS_HEIGHT} className="block" role="img" aria-labelledby={captionId}>
        {bands.map((band) => {
          const left = x(utc(band.from));
          const width = Math.max(2, x(utc(band.to)) - left);
          const s = status(band.statusKey);
          // A name goes in where it fits: on any chart from the sm breakpoint up (600 px or
          // more), or on a phone's (340 px or more); 14 px semibold is about 8 px a Latin
          // character and 14 px a Chinese one.
          const needs = [...statusLabel(s, locale)].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 14 : 8), 16);
          const fitsWide = (width / WIDTH) * 600 >= needs;
          const fitsPhone = (width / WIDTH) * 340 >= needs;
          return (
            <g key={`${band.from}-${band.statusKey}`}>
              <rect x={percent(left, WIDTH)} y={0} width={percent(width, WIDTH)} height={BAND_HEIGHT} fill={s.color} stroke="#fff" strokeWidth={2} />
              {fitsWide ? (
                <text x={percent(left, WIDTH)} dx={8} y={BAND_HEIGHT / 2 + 5} fill="#fff" fontSize={14} fontWeight={600} className={fitsPhone ? undefined : PHONE_HIDDEN}>
                  {statusLabel(s, locale)}
                </text>
              ) : null}
            </g>
          );
        })}
        {ticks.map((tick, i) => {
          const at = x(tick);
          return (
            <g key={tick.toISOString()} className={shownOnPhone(i, ticks.length, 4) ? undefined : PHONE_HIDDEN}>
              <line x1={percent(at, WIDTH)} x2={percent(at, WIDTH)} y1={BAND_HEIGHT} y2={BAND_HEIGHT + 5} stroke="#78716c" />
              <text x={percent(at, WIDTH)} y={BAND_HEIGHT + 18} fontSize={12} fill="currentColor" className="text-[var(--color-muted)]" textAnchor={edgeAnchor(at, WIDTH)}>
                {locale === "zh-Hans" ? formatChineseTick(tick) : x.tickFormat()(tick)}
              </text>
            </g>
          );
        })}
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
