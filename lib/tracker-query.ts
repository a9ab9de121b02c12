/**
 * The public claim tracker's query, as it travels in the URL: every filter and page has a
 * shareable address. Parsing is forgiving (a hand-edited or stale link still opens the
 * tracker: an unusable value falls back to its default), and trackerHref writes one
 * canonical URL per query so links, caches and history agree.
 */
import { z } from "zod";
import { CLAIM_KINDS, type ClaimKind } from "./claim-rules";
import { isIsoDay } from "./dates";
import { SLUG_PATTERN } from "./slug";

export const TRACKER_PAGE_SIZE = 25;
export const TRACKER_QUERY_MAX_LENGTH = 200;

export const TRACKER_SORTS = ["updated", "claim-date"] as const;
export type TrackerSort = (typeof TRACKER_SORTS)[number];
export const TRACKER_ORDERS = ["desc", "asc"] as const;
export type TrackerOrder = (typeof TRACKER_ORDERS)[number];

/** Status keys as lib/status-input.ts allows them when a status is created. */
const STATUS_KEY = /^[a-z0-9_]{2,40}$/;
const MAX_PAGE = 1_000_000;

/** A URL parameter as Next's searchParams or URLSearchParams give it. */
type ParamValue = string | string[] | undefined;

const values = (value: ParamValue): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);

/** A single-valued parameter given more than once: the first one counts. */
/** Every parameter may be absent from the URL. */
const param = () => z.custom<ParamValue>().optional();

const first = (value: ParamValue): string | undefined => values(value)[0];

/** Repeated parameters and comma lists both count: `status=true&status=false` = `status=true,false`. */
const list = (value: ParamValue): string[] =>
  values(value)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);

/** Sorted and without repeats, so the same selection always has the same URL. */
const canonicalList = <T extends string>(values: T[]): T[] => [...new Set(values)].sort();

/** Trimmed text or null; unpaired surrogates become U+FFFD as in stored text (validation.ts), control characters become spaces, and text past `max` code points is cut, not refused. */
const text = (max: number) =>
  param().transform((value) => {
    const cleaned = (first(value) ?? "").toWellFormed().replace(/\p{Cc}/gu, " ").trim();
    return cleaned === "" ? null : Array.from(cleaned).slice(0, max).join("").trim();
  });

const isoDay = param().transform((value) => {
  const day = first(value)?.trim();
  return day && isIsoDay(day) ? day : null;
});

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  param().transform((value) => z.enum(values).catch(values[0]).parse(first(value)?.trim()));

export const trackerQuery = z.object({
  q: text(TRACKER_QUERY_MAX_LENGTH),
  status: param().transform((value) => canonicalList(list(value).map((v) => v.toLowerCase()).filter((v) => STATUS_KEY.test(v)))),
  kind: param().transform((value) => canonicalList(list(value).filter((v): v is ClaimKind => (CLAIM_KINDS as readonly string[]).includes(v)))),
  article: param().transform((value) => {
    const slug = first(value)?.trim().toLowerCase();
    return slug && slug.length <= 200 && SLUG_PATTERN.test(slug) ? slug : null;
  }),
  claimant: text(200),
  from: isoDay,
  to: isoDay,
  sort: oneOf(TRACKER_SORTS),
  order: oneOf(TRACKER_ORDERS),
  page: param().transform((value) => z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).parse(first(value)?.trim() || 1)),
});
export type TrackerQuery = z.output<typeof trackerQuery>;

/** Parses Next's `searchParams` object or a URLSearchParams. */
export function parseTrackerQuery(params: URLSearchParams | Record<string, ParamValue>): TrackerQuery {
  if (!(params instanceof URLSearchParams)) return trackerQuery.parse(params);
  // A Map, not an object: a query parameter named "constructor" or "__proto__" is just ignored.
  const record = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = record.get(key);
    if (values) values.push(value);
    else record.set(key, [value]);
  }
  return trackerQuery.parse(Object.fromEntries(record));
}

export const DEFAULT_TRACKER_QUERY: TrackerQuery = trackerQuery.parse({});

/**
 * The canonical tracker URL for `query` with `changes` applied: keys sorted, defaults left
 * out, lists sorted and comma-joined. Changing any filter goes back to page 1 (the old page
 * number means nothing in the new result) unless the change names a page itself.
 */
export function trackerHref(query: TrackerQuery, changes: Partial<TrackerQuery> = {}): string {
  const next: TrackerQuery = { ...query, ...changes };
  const filterChanged = Object.keys(changes).some((key) => key !== "page");
  if (filterChanged && changes.page === undefined) next.page = 1;

  const params: [string, string][] = [];
  for (const key of Object.keys(next).sort() as (keyof TrackerQuery)[]) {
    const value = next[key];
    const defaultValue = DEFAULT_TRACKER_QUERY[key];
    if (Array.isArray(value)) {
      if (value.length > 0) params.push([key, canonicalList([...value]).join(",")]);
    } else if (value !== null && value !== undefined && value !== defaultValue) {
      params.push([key, String(value)]);
    }
  }
  if (params.length === 0) return "/";
  // Commas stay readable in lists; everything else is percent-encoded.
  return `/?${params.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/g, ",")}`).join("&")}`;
}

/**
 * The canonical URL of the status-changes chart (`/trends`) for the claims a tracker query
 * selects: the same filters as trackerHref writes them, without page and sort, which do not
 * apply to a chart of the whole selection.
 */
export function trendsHref(query: TrackerQuery): string {
  const { page, sort, order } = DEFAULT_TRACKER_QUERY;
  return `/trends${trackerHref({ ...query, page, sort, order }).slice(1)}`;
}
