import type { DatePrecision } from "./dates";
import type { Locale } from "./i18n/locale-choice.mjs";

// Fixed time zone: the server and every reader see the same date for the same data. English
// keeps its en-GB order ("5 Aug 2025"); Chinese reads as a newsroom writes it ("2025年8月5日").
const FORMATS = {
  en: {
    day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    month: new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }),
    year: null,
  },
  "zh-Hans": {
    day: new Intl.DateTimeFormat("zh-Hans", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    month: new Intl.DateTimeFormat("zh-Hans", { month: "long", year: "numeric", timeZone: "UTC" }),
    year: new Intl.DateTimeFormat("zh-Hans", { year: "numeric", timeZone: "UTC" }),
  },
} satisfies Record<Locale, Record<DatePrecision, Intl.DateTimeFormat | null>>;

/** "5 Aug 2025", "Aug 2025" or "2025" (Chinese: "2025年8月5日", "2025年8月", "2025年"), from an ISO date and its precision. */
export function formatDate(isoDate: string, precision: DatePrecision = "day", locale: Locale = "en"): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const format = (FORMATS[locale] ?? FORMATS.en)[precision];
  return format === null ? String(date.getUTCFullYear()) : format.format(date);
}

/** "5 Aug 2025, 14:03 UTC" (Chinese: "2025年8月5日 14:03 UTC") for recorded times. */
export function formatTimestamp(iso: string, locale: Locale = "en"): string {
  const date = new Date(iso);
  const time = `${date.toISOString().slice(11, 16)} UTC`;
  return locale === "zh-Hans" ? `${formatDate(iso, "day", locale)} ${time}` : `${FORMATS.en.day.format(date)}, ${time}`;
}

const TICKS = {
  month: new Intl.DateTimeFormat("zh-Hans", { month: "numeric", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("zh-Hans", { month: "long", day: "numeric", timeZone: "UTC" }),
};

/**
 * A chart axis tick in Chinese, as short as d3's English ticks ("2024", "May", "May 16"):
 * "2024年", "5月", "5月16日". d3's own tick format knows only English.
 */
export function formatChineseTick(date: Date): string {
  if (date.getUTCMonth() === 0 && date.getUTCDate() === 1) return `${date.getUTCFullYear()}年`;
  return (date.getUTCDate() === 1 ? TICKS.month : TICKS.day).format(date);
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
