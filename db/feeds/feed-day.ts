import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { endOfDayMs, type TimeView } from "../../lib/as-of";
import { msInstant } from "../sql-dialect";

/**
 * How a dated feed narrows and orders the events it reads (see lib/as-of.ts for the two axes).
 * Each is a condition in the statement's WHERE, before its LIMIT, so a feed of a day long past
 * is never emptied by the events recorded since. Without a view, nothing: the live feed's
 * statements stay exactly what they were (and so do their plans).
 *
 * The aliases are the feed statements' own: `e` the event, `survivor` the claim whose
 * timeline shows it (a readable claim, not merged into another).
 */

/**
 * As published on a day: recorded by the end of it, on a claim Claimline already showed then,
 * by the claim page's rule (lib/claim-on-day.ts, claimStanding): the claim recorded and one of
 * its live mentions in a published article recorded by then (its own or a claim merged into it).
 */
function shownBy(day: string): SQL {
  const cutoff = endOfDayMs(day);
  return sql`e.recorded_at <= ${msInstant(cutoff)} AND ${trackedBy(sql`survivor`, cutoff)}`;
}

/** Whether the (readable) claim aliased `claim` was on Claimline by `cutoff` (ms). */
export function trackedBy(claim: SQL, cutoff: number): SQL {
  const by = msInstant(cutoff);
  return sql`${claim}.created_at <= ${by} AND EXISTS (
    SELECT 1 FROM claim held
    JOIN mention m ON m.claim_id = held.id AND m.deleted_at IS NULL AND m.created_at <= ${by}
    JOIN article a ON a.id = m.article_id AND a.status = 'published'
    WHERE held.timeline_owner_id = ${claim}.id)`;
}

/**
 * As of a day: in effect by then (a month or year counts from its first day, as stored), as
 * known now, and the corrections of those whatever their own date, so a corrected entry never
 * comes without the one that replaces it (the claim page's rule, eventsEffectiveBy).
 */
function effectiveBy(day: string): SQL {
  return sql`(e.effective_date <= ${day} OR EXISTS (
    SELECT 1 FROM status_event fixed
    WHERE fixed.id = e.corrects_event_id AND fixed.visibility = 'published' AND fixed.effective_date <= ${day}))`;
}

/** ` AND …` for the view's events, or nothing without a view. */
export function dayCondition(view: TimeView | null): SQL {
  if (view === null) return sql``;
  return sql` AND ${view.axis === "published" ? shownBy(view.day) : effectiveBy(view.day)}`;
}

/** Newest first: by recorded time, or as of a day by effective date (then recorded time). */
export function feedOrder(view: TimeView | null): SQL {
  return view?.axis === "effective" ? sql`e.effective_date DESC, e.recorded_at DESC, e.id DESC` : sql`e.recorded_at DESC, e.id DESC`;
}
