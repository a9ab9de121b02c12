import { describe, expect, it } from "vitest";
import { claimStanding, eventsEffectiveBy, standingReason, statusEffectiveOn } from "./claim-on-day";

const event = (id: number, statusKey: string, effectiveDate: string, correctsEventId: number | null = null) => ({ id, statusKey, effectiveDate, recordedAt: Date.parse("2026-12-04T10:00:00Z") + id, correctsEventId });

describe("a claim on a day, by effective date", () => {
  const history = [event(1, "pending", "2023-05-16"), event(2, "true", "2025-08-05"), event(3, "false", "2025-10-01", 2)];

  it("takes the latest event in effect, after corrections replaced what they correct", () => {
    expect(statusEffectiveOn(history, "2023-05-15")).toBe("unverified");
    expect(statusEffectiveOn(history, "2024-01-01")).toBe("pending");
    // Event 2 was corrected: it never counts, and its correction counts from its own date.
    expect(statusEffectiveOn(history, "2025-09-01")).toBe("pending");
    expect(statusEffectiveOn(history, "2025-10-01")).toBe("false");
  });

  it("shows the events in effect, with the corrections of those", () => {
    expect(eventsEffectiveBy(history, "2024-01-01").map((e) => e.id)).toEqual([1]);
    expect(eventsEffectiveBy(history, "2025-09-01").map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it("says in words when the claim did not exist yet, on either axis", () => {
    const origin = { firstMadeOn: "2023-05-16", trackedSinceMs: Date.parse("2026-12-04T09:00:00Z") };
    expect(claimStanding(origin, null)).toEqual({ existed: true, notice: null });
    expect(claimStanding(origin, { axis: "effective", day: "2024-01-01" })).toEqual({ existed: true, notice: null });
    expect(claimStanding(origin, { axis: "effective", day: "2023-01-01" }).notice).toBe("This claim was first made on 16 May 2023, after 1 Jan 2023: it had no status yet on that day.");
    expect(claimStanding(origin, { axis: "published", day: "2024-01-01" }).notice).toBe("Claimline started tracking this claim on 4 Dec 2026: it was not tracked yet on 1 Jan 2024.");
    expect(claimStanding(origin, { axis: "published", day: "2026-12-04" })).toEqual({ existed: true, notice: null });
    // A claim whose date is not known counts as made.
    expect(claimStanding({ ...origin, firstMadeOn: null }, { axis: "effective", day: "1999-01-01" }).existed).toBe(true);
  });
});

describe("standingReason", () => {
  const origin = { firstMadeOn: "2023-05-16", trackedSinceMs: Date.parse("2026-12-04T09:30:00Z") };
  it("gives pages the facts to word in their own language, and agrees with the English notice", () => {
    expect(standingReason(origin, null)).toBeNull();
    expect(standingReason(origin, { axis: "effective", day: "2023-01-01" })).toEqual({ kind: "notYetMade", firstMadeOn: "2023-05-16", day: "2023-01-01" });
    expect(standingReason(origin, { axis: "published", day: "2024-01-01" })).toEqual({ kind: "notYetTracked", since: "2026-12-04", day: "2024-01-01" });
    expect(standingReason(origin, { axis: "published", day: "2026-12-04" })).toBeNull();
    for (const view of [null, { axis: "effective", day: "2023-01-01" }, { axis: "effective", day: "2024-01-01" }, { axis: "published", day: "2024-01-01" }] as const) {
      expect(standingReason(origin, view) === null, JSON.stringify(view)).toBe(claimStanding(origin, view).existed);
    }
  });
});
