import { endOfDayMs, type TimeView } from "./as-of";
import { compareEventsChronologically, currentStatusKey, type StatusEventFacts } from "./current-status";
import { formatDate } from "./format";
import { DEFAULT_STATUS_KEY } from "./status-scale";

/**
 * A claim on a chosen day, on either time axis (see as-of.ts). One definition that the claim
 * page, the article page, the API and the exports all use, so they always agree.
 *
 * On the effective axis an event counts from its effective date. An event known only to the
 * month or year ("in August 2025", "in 2025") stores the first day of that period and counts
 * from that first day: the same rule that orders timelines and draws the status band chart,
 * so the status shown on a day is the band the chart shows there.
 */

type EventFacts = Pick<StatusEventFacts, "id" | "statusKey" | "effectiveDate" | "recordedAt" | "correctsEventId">;

/**
 * The published events a view of `day` on the effective axis shows: those effective by then,
 * and the corrections of those (whatever their own date), so a corrected entry is never
 * shown without the correction that replaces it. Events are all published ones known now.
 */
export function eventsEffectiveBy<E extends Pick<StatusEventFacts, "id" | "effectiveDate" | "correctsEventId">>(events: readonly E[], day: string): E[] {
  const shown = new Set(events.filter((e) => e.effectiveDate <= day).map((e) => e.id));
  return events.filter((e) => shown.has(e.id) || (e.correctsEventId !== null && shown.has(e.correctsEventId)));
}

/**
 * The status a claim had on `day` by effective date: corrections are applied first (an event a
 * correction replaces never counts, whatever the dates), then the latest event that had taken
 * effect by the end of that day sets the status; before any, the default (unverified).
 */
export function statusEffectiveOn(events: readonly EventFacts[], day: string): string {
  const corrected = new Set(events.map((e) => e.correctsEventId).filter((id): id is number => id !== null));
  let latest: EventFacts | null = null;
  for (const event of events) {
    if (corrected.has(event.id) || event.effectiveDate > day) continue;
    if (latest === null || compareEventsChronologically(event, latest) > 0) latest = event;
  }
  return latest?.statusKey ?? DEFAULT_STATUS_KEY;
}

/** The status a view's (published, already filtered) timeline adds up to. */
export function statusInView(events: readonly EventFacts[], view: TimeView | null): string {
  if (view?.axis === "effective") return statusEffectiveOn(events, view.day);
  return currentStatusKey(events.map((e) => ({ ...e, visibility: "published" as const })));
}

/** What is known of when a claim came to be: in the world, and on Claimline. */
export interface ClaimOrigin {
  /** The day the claim was first made: its claim date, else the earliest published article making it; null when unknown. */
  firstMadeOn: string | null;
  /** When Claimline started showing it (ms): the later of the claim's creation and its first public mention's. */
  trackedSinceMs: number;
}

export interface ClaimStanding {
  /**
   * False when the claim did not exist yet on the view's day: not yet made (as of a day) or
   * not yet on Claimline (as published on a day). Always true without a view.
   */
  existed: boolean;
  /** Said in words when it did not exist yet, e.g. "This claim was first made on 16 May 2023." */
  notice: string | null;
}

/**
 * Why a claim did not exist yet on a view's day, as data: pages word it in their own language
 * (reader.standing in the catalogues); the API and feeds keep the English sentence (`notice`).
 */
export type StandingReason = { kind: "notYetMade"; firstMadeOn: string; day: string } | { kind: "notYetTracked"; since: string; day: string };

/** Whether the claim existed on the view's day, and why not (null when it did). */
export function standingReason(origin: ClaimOrigin, view: TimeView | null): StandingReason | null {
  if (view === null) return null;
  if (view.axis === "effective") {
    if (origin.firstMadeOn === null || origin.firstMadeOn <= view.day) return null;
    return { kind: "notYetMade", firstMadeOn: origin.firstMadeOn, day: view.day };
  }
  if (origin.trackedSinceMs <= endOfDayMs(view.day)) return null;
  return { kind: "notYetTracked", since: new Date(origin.trackedSinceMs).toISOString().slice(0, 10), day: view.day };
}

/** Whether the claim existed on the view's day, and the sentence that says so when it did not. */
export function claimStanding(origin: ClaimOrigin, view: TimeView | null): ClaimStanding {
  const reason = standingReason(origin, view);
  if (reason === null) return { existed: true, notice: null };
  if (reason.kind === "notYetMade") {
    return { existed: false, notice: `This claim was first made on ${formatDate(reason.firstMadeOn)}, after ${formatDate(reason.day)}: it had no status yet on that day.` };
  }
  return { existed: false, notice: `Claimline started tracking this claim on ${formatDate(reason.since)}: it was not tracked yet on ${formatDate(reason.day)}.` };
}
