/** Today's date in UTC as YYYY-MM-DD (the calendar the whole app uses for as-of views and charts). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The latest date an editor may give for something that happened (a status taking effect, a
 * figure observed): tomorrow in UTC. Editors east of UTC (up to UTC+14) already live in
 * tomorrow, so "today" for them is never refused; anything later has happened nowhere yet, and
 * an event dated in 2205 would otherwise outrank every real one until then.
 */
export function latestPastDay(now: Date = new Date()): string {
  return todayIso(new Date(now.getTime() + DAY_MS));
}
