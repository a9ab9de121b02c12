import { formatDate, formatTimestamp } from "@/lib/format";
import type { DatePrecision } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";

// Desk pages' dates in the interface language, in UTC like every date Claimline shows. English
// keeps lib/format.ts's forms ("5 Aug 2025"); Chinese uses Intl's ("2025年8月5日").
// (When lib/format.ts takes a locale itself, these become plain calls to it.)
const ZH_DAY = new Intl.DateTimeFormat("zh-Hans", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const ZH_MONTH = new Intl.DateTimeFormat("zh-Hans", { year: "numeric", month: "long", timeZone: "UTC" });
const ZH_YEAR = new Intl.DateTimeFormat("zh-Hans", { year: "numeric", timeZone: "UTC" });

/** "5 Aug 2025" / "2025年8月5日", or only the month or year, from an ISO date and its precision. */
export function localDate(isoDate: string, locale: Locale, precision: DatePrecision = "day"): string {
  if (locale === "en") return formatDate(isoDate, precision);
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return (precision === "year" ? ZH_YEAR : precision === "month" ? ZH_MONTH : ZH_DAY).format(date);
}

/** "5 Aug 2025, 14:03 UTC" / "2025年8月5日 14:03 UTC", for recorded times. */
export function localTimestamp(iso: string, locale: Locale): string {
  if (locale === "en") return formatTimestamp(iso);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${ZH_DAY.format(date)} ${date.toISOString().slice(11, 16)} UTC`;
}
