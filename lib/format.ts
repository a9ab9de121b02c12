import type { DatePrecision } from "./dates";

// Fixed locale and time zone: the server and every reader see the same date for the same data.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "5 Aug 2025", "Aug 2025" or "2025", from an ISO date and its precision. */
export function formatDate(isoDate: string, precision: DatePrecision = "day"): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  if (precision === "year") return String(date.getUTCFullYear());
  return (precision === "month" ? MONTH : DAY).format(date);
}

/** "5 Aug 2025, 14:03 UTC" for recorded times. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return `${DAY.format(date)}, ${date.toISOString().slice(11, 16)} UTC`;
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
