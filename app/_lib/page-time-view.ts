import "server-only";
import { redirect } from "next/navigation";
import { BOTH_AXES_MESSAGE, parseTimeView, type TimeAxis, type TimeView, withTimeView } from "@/lib/as-of";
import { isIsoDay } from "@/lib/dates";

type Param = string | string[] | undefined;

/** A reader page's search parameters that choose the day it stands on. */
export interface TimeViewSearch {
  asof?: Param;
  published?: Param;
  /** The as-of form's fields (components/as-of-controls.tsx): a day and which axis. */
  on?: Param;
  axis?: Param;
}

/**
 * The view a reader page shows, from `?asof=` or `?published=`. The as-of form sends `on` and
 * `axis` (a plain GET form cannot choose a field's name), and is answered with a redirect to
 * the one canonical address of that view, so every view has one shareable URL (and one entry
 * in the page cache). A day that is not real, or both parameters at once, shows today with
 * `problem` saying why.
 */
export function pageTimeView(search: TimeViewSearch, path: string): { view: TimeView | null; problem: string | null } {
  const on = first(search.on);
  if (on !== undefined) {
    const axis: TimeAxis = first(search.axis) === "published" ? "published" : "effective";
    if (on && isIsoDay(on)) redirect(withTimeView(path, { axis, day: on }));
    return { view: null, problem: notADay(on) };
  }
  const parsed = parseTimeView(search);
  if (parsed.ok) return { view: parsed.view, problem: null };
  return { view: null, problem: parsed.message === BOTH_AXES_MESSAGE ? `${BOTH_AXES_MESSAGE} This page shows today.` : notADay(parsed.invalid) };
}

function notADay(value: string): string {
  return `“${value}” is not a date (use YYYY-MM-DD), so this page shows today.`;
}

function first(value: Param): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
