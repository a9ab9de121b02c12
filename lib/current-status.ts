import { DEFAULT_STATUS_KEY } from "./status-scale";

/** The fields of a status event that decide a claim's current status. */
export interface StatusEventFacts {
  id: number;
  statusKey: string;
  /** ISO date (YYYY-MM-DD) when the status became so in the world. */
  effectiveDate: string;
  /** When the event was recorded, in epoch milliseconds. */
  recordedAt: number;
  visibility: "draft" | "published";
  correctsEventId: number | null;
}

/** Orders events chronologically: effective date, then recorded time, then id (insertion order). */
export function compareEventsChronologically(a: Pick<StatusEventFacts, "id" | "effectiveDate" | "recordedAt">, b: Pick<StatusEventFacts, "id" | "effectiveDate" | "recordedAt">): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt - b.recordedAt;
  return a.id - b.id;
}

/**
 * The event that sets a claim's current status: the latest published event by effective
 * date (ties broken by recorded time), ignoring drafts and any event that a published
 * correction has superseded. Returns null when no event counts.
 */
export function currentStatusEvent<E extends StatusEventFacts>(events: readonly E[]): E | null {
  const published = events.filter((e) => e.visibility === "published");
  const corrected = new Set(published.map((e) => e.correctsEventId).filter((id): id is number => id !== null));
  let latest: E | null = null;
  for (const event of published) {
    if (corrected.has(event.id)) continue;
    if (latest === null || compareEventsChronologically(event, latest) > 0) latest = event;
  }
  return latest;
}

export function currentStatusKey(events: readonly StatusEventFacts[]): string {
  return currentStatusEvent(events)?.statusKey ?? DEFAULT_STATUS_KEY;
}
