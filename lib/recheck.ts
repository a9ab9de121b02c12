/**
 * Dates for the re-check queue. Days are UTC calendar days, like every stored YYYY-MM-DD, so
 * the queue shows the same claims to every editor whatever their time zone.
 */

import { todayIso } from "./today";

// The app's one definition of "today"; re-exported so the queue's date helpers sit together.
export { todayIso };

const DAY_MS = 86_400_000;

/** The UTC date `days` days before `now`, as YYYY-MM-DD (calendar days, so no clock drift within a day). */
export function daysAgoIso(days: number, now: Date = new Date()): string {
  const midnight = Date.parse(`${todayIso(now)}T00:00:00Z`);
  return new Date(midnight - days * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a YYYY-MM-DD day in UTC, in epoch milliseconds (how timestamps are stored). */
export function startOfDayMs(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`);
}
