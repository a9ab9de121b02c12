import { isIsoDay } from "./dates";

/**
 * "As of a date D" views: only what was recorded on or before D counts (in UTC), so the view
 * of the same D is the same whenever it is produced.
 */

/** The as-of day from a `?asof=` parameter, or null when absent or not a real YYYY-MM-DD date. */
export function parseAsOf(value: string | string[] | undefined | null): string | null {
  const day = Array.isArray(value) ? value[0] : value;
  return day && isIsoDay(day) ? day : null;
}

/** What the JSON API and exports answer (422) for an `?asof=` that is not a real day, rather than silently showing today. */
export const INVALID_AS_OF_MESSAGE = "asof must be a real date as YYYY-MM-DD.";

/** The last millisecond of the UTC day: records up to and including it count. */
export function endOfDayMs(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - 1;
}

/** True when something recorded at `at` existed as of `day` (always true without an as-of day). */
export function recordedBy(at: Date | number, day: string | null): boolean {
  return day === null || (typeof at === "number" ? at : at.getTime()) <= endOfDayMs(day);
}
