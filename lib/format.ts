import type { DatePrecision } from "./dates";
import type { Locale } from "./i18n/locale-choice.mjs";

// Fixed time zone: the server and every reader see the same date for the same data. One
// formatter set per interface language: "5 Aug 2025" in English, "2025年8月5日" in Chinese.
const FORMATS: Record<Locale, { day: Intl.DateTimeFormat; month: Intl.DateTimeFormat; year: Intl.DateTimeFormat }> = {
  en: {
    day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    month: new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }),
    year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
  },
  "zh-Hans": {
    day: new Intl.DateTimeFormat("zh-Hans", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    month: new Intl.DateTimeFormat("zh-Hans", { month: "long", year: "numeric", timeZone: "UTC" }),
    year: new Intl.DateTimeFormat("zh-Hans", { year: "numeric", timeZone: "UTC" }),
  },
};

/** "5 Aug 2025", "Aug 2025" or "2025" (2025年8月5日, 2025年8月, 2025年), from an ISO date and its precision. */
export function formatDate(isoDate: string, precision: DatePrecision = "day", locale: Locale = "en"): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  if (precision === "year" && locale === "en") return String(date.getUTCFullYear());
  return FORMATS[locale][precision].format(date);
}

/** "5 Aug 2025, 14:03 UTC" (2025年8月5日 14:03 UTC) for recorded times. */
export function formatTimestamp(iso: string, locale: Locale = "en"): string {
  const date = new Date(iso);
  const time = `${date.toISOString().slice(11, 16)} UTC`;
  return locale === "en" ? `${FORMATS.en.day.format(date)}, ${time}` : `${FORMATS[locale].day.format(date)} ${time}`;
}

/** Opening quotation marks and the closer each pairs with, in Chinese and English typography. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { "“": "”", "「": "」", "『": "』", '"': '"', "‘": "’" };

/**
 * Quoted words as pages show them: inside “…”, unless the words already carry their own
 * quotation marks (a mention of a whole quoted sentence, “…”), which would read ““…””.
 */
export function quoted(words: string): string {
  const closer = QUOTE_PAIRS[words.charAt(0)];
  return closer !== undefined && words.length > 1 && words.endsWith(closer) ? words : `“${words}”`;
}
