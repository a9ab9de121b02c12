/** Today's date in UTC as YYYY-MM-DD (the calendar the whole app uses for as-of views and charts). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
