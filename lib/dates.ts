/**
 * Calendar dates with a precision. A status can become true "in 2025", "in August 2025"
 * or "on 2025-08-05"; we store the first day of that period plus the precision so that
 * plain string comparison sorts events chronologically.
 */

import { latestPastDay } from "./today";

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PreciseDate {
  /** ISO date, YYYY-MM-DD; for month or year precision, the first day of the period. */
  date: string;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when the string is a real calendar day in YYYY-MM-DD form (rejects 2023-02-30). */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses "2025", "2025-08" or "2025-08-05"; returns null for anything else or an impossible date. */
export function parsePreciseDate(value: string): PreciseDate | null {
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (day !== undefined) {
    const date = `${year}-${month}-${day}`;
    return isIsoDay(date) ? { date, precision: "day" } : null;
  }
  if (month !== undefined) {
    const m = Number(month);
    return m >= 1 && m <= 12 ? { date: `${year}-${month}-01`, precision: "month" } : null;
  }
  return { date: `${year}-01-01`, precision: "year" };
}

/** Formats a precise date back to the form an editor typed: "2025", "2025-08" or "2025-08-05". */
export function formatPreciseDate({ date, precision }: PreciseDate): string {
  if (precision === "year") return date.slice(0, 4);
  if (precision === "month") return date.slice(0, 7);
  return date;
}

/**
 * A new claim's date when the editor gives none: the day its article was published, since
 * that is when the article made it. None when the article has no date or a date still ahead
 * (a claim cannot have been made in the future; see latestPastDay).
 */
export function defaultClaimDate(articlePublishedDate: string | null | undefined, now: Date = new Date()): string | null {
  if (!articlePublishedDate || !isIsoDay(articlePublishedDate)) return null;
  return articlePublishedDate <= latestPastDay(now) ? articlePublishedDate : null;
}

/**
 * A typed date when the editor changes its precision: a coarser one keeps what it can
 * ("2025-08-05" → "2025-08" → "2025"); a finer one starts empty rather than invent a day.
 */
export function changePrecision(value: string, to: DatePrecision): string {
  const parsed = parsePreciseDate(value);
  const order: DatePrecision[] = ["year", "month", "day"];
  if (!parsed || order.indexOf(to) > order.indexOf(parsed.precision)) return "";
  return formatPreciseDate({ date: parsed.date, precision: to });
}
