import { isIsoDay } from "./dates";
import { formatDate } from "./format";

/**
 * Claimline has two time axes, and readers can stand on a day on either:
 *
 * - **as of** a day (`?asof=YYYY-MM-DD`, the default meaning): the status each claim had on
 *   that day in the world, by the events' effective dates, as Claimline knows it now (every
 *   published event, corrections applied). History entered later counts.
 * - **as published** on a day (`?published=YYYY-MM-DD`): what Claimline itself showed at the
 *   end of that day (UTC), by recorded time. Later records never change it, so the same day
 *   gives the same bytes whenever it is produced: the audit view.
 */
export type TimeAxis = "effective" | "published";

export interface TimeView {
  axis: TimeAxis;
  /** YYYY-MM-DD. */
  day: string;
}

/** The query parameter of each axis. */
export const TIME_AXIS_PARAM: Record<TimeAxis, "asof" | "published"> = { effective: "asof", published: "published" };

/** The as-of day from a `?asof=` parameter, or null when absent or not a real YYYY-MM-DD date. */
export function parseAsOf(value: string | string[] | undefined | null): string | null {
  const day = Array.isArray(value) ? value[0] : value;
  return day && isIsoDay(day) ? day : null;
}

/** What the JSON API and exports answer (422) for an `?asof=` that is not a real day, rather than silently showing today. */
export const INVALID_AS_OF_MESSAGE = "asof must be a real date as YYYY-MM-DD.";
export const INVALID_PUBLISHED_MESSAGE = "published must be a real date as YYYY-MM-DD.";
export const BOTH_AXES_MESSAGE =
  "Use either asof (what was true on that day, by effective dates) or published (what Claimline showed on that day), not both.";

export type TimeViewParse = { ok: true; view: TimeView | null } | { ok: false; message: string; invalid: string };

type Param = string | string[] | undefined | null;

/**
 * The view a request asks for, from its `asof` and `published` parameters. Both at once, or a
 * day that is not real, is an error (422 on the API and exports, a message on pages): never a
 * silent guess at what the reader meant.
 */
export function parseTimeView(params: { asof?: Param; published?: Param }): TimeViewParse {
  const asof = first(params.asof);
  const published = first(params.published);
  if (asof && published) return { ok: false, message: BOTH_AXES_MESSAGE, invalid: `asof=${asof}&published=${published}` };
  if (asof) return isIsoDay(asof) ? { ok: true, view: { axis: "effective", day: asof } } : { ok: false, message: INVALID_AS_OF_MESSAGE, invalid: asof };
  if (published) return isIsoDay(published) ? { ok: true, view: { axis: "published", day: published } } : { ok: false, message: INVALID_PUBLISHED_MESSAGE, invalid: published };
  return { ok: true, view: null };
}

/** parseTimeView over a URL's search parameters. */
export function timeViewOfSearch(search: URLSearchParams): TimeViewParse {
  return parseTimeView({ asof: search.get("asof"), published: search.get("published") });
}

function first(value: Param): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : null;
}

/** `asof=D` or `published=D` (nothing for today's view), to carry the view along in links. */
export function timeViewQuery(view: TimeView | null): string {
  return view ? `${TIME_AXIS_PARAM[view.axis]}=${view.day}` : "";
}

/** A path with the view's query appended (`?` or `&` as needed). */
export function withTimeView(path: string, view: TimeView | null): string {
  const query = timeViewQuery(view);
  if (!query) return path;
  const hash = path.indexOf("#");
  const [base, fragment] = hash === -1 ? [path, ""] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}${query}${fragment}`;
}

/** The last millisecond of the UTC day: records up to and including it count. */
export function endOfDayMs(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - 1;
}

/** True when something recorded at `at` existed as of `day` (always true without an as-of day). */
export function recordedBy(at: Date | number, day: string | null): boolean {
  return day === null || (typeof at === "number" ? at : at.getTime()) <= endOfDayMs(day);
}

/** The recorded-time cut-off of a view: only "as published" views have one. */
export function recordedCutoff(view: TimeView | null): Date | null {
  return view?.axis === "published" ? new Date(endOfDayMs(view.day)) : null;
}

/** One sentence saying what a view shows, for notices and reports. */
export function describeTimeView(view: TimeView): string {
  return view.axis === "effective"
    ? `as of ${formatDate(view.day)}: the status each claim had on that day, by the dates things happened, as Claimline knows it now`
    : `as Claimline published it on ${formatDate(view.day)}: only what had been recorded by the end of that day (UTC) counts`;
}
