import "server-only";
import { redirect } from "next/navigation";
import { BOTH_AXES_MESSAGE, parseTimeView, type TimeAxis, type TimeView, withTimeView } from "@/lib/as-of";
import type { TimeViewProblem } from "@/components/as-of-controls";
import { isIsoDay } from "@/lib/dates";
import { DEFAULT_LOCALE, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { withLocale } from "@/lib/i18n/locale-href";

type Param = string | string[] | undefined;

/** A reader page's search parameters that choose the day it stands on. */
export interface TimeViewSearch {
  asof?: Param;
  published?: Param;
  /** The as-of form's fields (components/as-of-controls.tsx): a day and which axis. */
  on?: Param;
  axis?: Param;
  /** The page's language, which the as-of form sends along so its redirect keeps it. */
  lang?: Param;
}

/**
 * The view a reader page shows, from `?asof=` or `?published=`. The as-of form sends `on` and
 * `axis` (a plain GET form cannot choose a field's name), and is answered with a redirect to
 * the one canonical address of that view, so every view has one shareable URL (and one entry
 * in the page cache). A day that is not real, or both parameters at once, shows today with
 * `problem` saying why (in words the page's language gives, components/as-of-controls.tsx).
 */
export function pageTimeView(search: TimeViewSearch, path: string): { view: TimeView | null; problem: TimeViewProblem | null } {
  const on = first(search.on);
  if (on !== undefined) {
    const axis: TimeAxis = first(search.axis) === "published" ? "published" : "effective";
    if (on && isIsoDay(on)) redirect(withLocale(withTimeView(path, { axis, day: on }), parseLocale(first(search.lang)) ?? DEFAULT_LOCALE));
    return { view: null, problem: { kind: "notADay", value: on } };
  }
  const parsed = parseTimeView(search);
  if (parsed.ok) return { view: parsed.view, problem: null };
  return { view: null, problem: parsed.message === BOTH_AXES_MESSAGE ? { kind: "bothAxes" } : { kind: "notADay", value: parsed.invalid } };
}

function first(value: Param): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
