import type { ClaimKind } from "../../lib/claim-rules";
import type { Rng } from "../prng";

/**
 * A claim's verification history as a desk records it: unverified when logged, then checked,
 * then a verdict, revised now and then over the following years. About five events a claim.
 */
export interface PlannedEvent {
  statusKey: string;
  effectiveDate: string;
  recordedAt: number;
  rationale: string;
  internalNote: string | null;
  visibility: "published" | "draft";
  source: { url: string; title: string; publisher: string } | null;
}

const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "false", "unprovable"] as const;
const LAST_EFFECTIVE_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;
const PUBLISHERS = ["Reuters", "新华社", "Statistics bureau", "Company filing", "财新", "AP"];

export function planTimeline(rng: Rng, claimDate: string, kind: ClaimKind): PlannedEvent[] {
  const keys = ["unverified", "in_progress"];
  const later = rng.int(1, 5);
  for (let i = 0; i < later; i++) {
    if (kind === "prediction" && i === 0) keys.push("pending");
    else if (kind === "quantity" && i === later - 1 && later > 2) keys.push("outdated");
    else keys.push(rng.pick(VERDICTS));
  }
  let day = Date.parse(`${claimDate}T00:00:00Z`);
  let recorded = 0;
  const events = keys.map((statusKey, index): PlannedEvent => {
    if (index > 0) day = Math.min(LAST_EFFECTIVE_DAY, day + rng.int(3, 300) * DAY_MS);
    // Recorded the morning after it took effect; strictly later than the event before, so the order never ties.
    recorded = Math.max(recorded + 60_000, day + DAY_MS + 10 * 3_600_000 + rng.int(0, 3_599) * 1000);
    const effectiveDate = new Date(day).toISOString().slice(0, 10);
    return {
      statusKey,
      effectiveDate,
      recordedAt: recorded,
      rationale: index === 0 ? "Logged for checking." : `Checked against the record published on ${effectiveDate}.`,
      internalNote: rng.chance(0.2) ? "Called the press office; waiting for the full data." : null,
      visibility: "published",
      source: index > 0 && rng.chance(0.5) ? { url: `https://records.example.org/${statusKey}/${recorded}`, title: `Record of ${effectiveDate}`, publisher: rng.pick(PUBLISHERS) } : null,
    };
  });
  // A few claims have an update still in draft: readers never see it and it does not set the status.
  if (rng.chance(0.03)) {
    events.push({ ...events.at(-1)!, statusKey: rng.pick(VERDICTS), recordedAt: recorded + 60_000, visibility: "draft", source: null, rationale: "Draft: not yet reviewed." });
  }
  return events;
}

/** The status readers see: the last published event (events are planned in chronological order). */
export function plannedCurrentIndex(events: readonly PlannedEvent[]): number {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.visibility === "published") return i;
  return -1;
}
