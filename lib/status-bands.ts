import { compareEventsChronologically, type StatusEventFacts } from "./current-status";
import { DEFAULT_STATUS_KEY } from "./status-scale";

/** A stretch of time during which a claim had one status; `to` is exclusive. */
export interface StatusBand {
  statusKey: string;
  from: string;
  to: string;
}

/**
 * The claim's status over time, for the band chart: unverified from the claim date until the
 * first event, then each published event's status until the next one takes effect, up to
 * `end` (today, or the as-of day). Drafts and corrected events do not count, as for the
 * current status; two events on one day leave only the later one; consecutive events with the
 * same status make one band.
 */
export function statusBands(events: readonly StatusEventFacts[], claimDate: string | null, end: string): StatusBand[] {
  const corrected = new Set(events.filter((e) => e.visibility === "published" && e.correctsEventId !== null).map((e) => e.correctsEventId));
  const effective = events.filter((e) => e.visibility === "published" && !corrected.has(e.id)).sort(compareEventsChronologically);
  const first = effective[0]?.effectiveDate;
  const start = [claimDate, first].filter((d): d is string => !!d).sort()[0] ?? end;
  const steps: { statusKey: string; from: string }[] = [{ statusKey: DEFAULT_STATUS_KEY, from: start }];
  for (const event of effective) steps.push({ statusKey: event.statusKey, from: event.effectiveDate });
  const bands: StatusBand[] = [];
  steps.forEach((step, i) => {
    const from = step.from < start ? start : step.from;
    const next = steps[i + 1]?.from ?? end;
    const to = next > end ? end : next;
    if (from >= to) return;
    const previous = bands[bands.length - 1];
    // A re-affirmed status (pending, then pending again) is one stretch, not two.
    if (previous && previous.statusKey === step.statusKey && previous.to === from) previous.to = to;
    else bands.push({ statusKey: step.statusKey, from, to });
  });
  if (bands.length === 0 && effective.length > 0 && start <= end) {
    // Everything took effect on the last day shown: a one-day band of the latest status.
    bands.push({ statusKey: effective[effective.length - 1]!.statusKey, from: start, to: end });
  }
  return bands;
}
