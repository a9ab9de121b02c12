import { describe, expect, it } from "vitest";
import { currentStatusEvent, currentStatusKey, type StatusEventFacts } from "./current-status";

let nextId = 1;
function event(statusKey: string, effectiveDate: string, recordedAt: number, extra: Partial<StatusEventFacts> = {}): StatusEventFacts {
  return { id: nextId++, statusKey, effectiveDate, recordedAt, visibility: "published", correctsEventId: null, ...extra };
}

describe("current status", () => {
  it("is unverified when a claim has no published event", () => {
    expect(currentStatusKey([])).toBe("unverified");
    expect(currentStatusKey([event("true", "2024-01-01", 1, { visibility: "draft" })])).toBe("unverified");
  });

  it("follows the effective date, not the order of entry", () => {
    const late = event("true", "2025-08-05", 100);
    const earlyEnteredLater = event("pending", "2023-05-15", 200);
    expect(currentStatusEvent([late, earlyEnteredLater])).toBe(late);
  });

  it("breaks ties on the same effective date by recorded time", () => {
    const first = event("in_progress", "2023-05-16", 100);
    const second = event("true", "2023-05-16", 200);
    expect(currentStatusKey([second, first])).toBe("true");
  });

  it("ignores drafts, however recent", () => {
    const published = event("pending", "2023-05-16", 100);
    const draft = event("false", "2025-08-05", 300, { visibility: "draft" });
    expect(currentStatusEvent([published, draft])).toBe(published);
  });

  it("lets a correction replace the event it corrects", () => {
    const wrong = event("false", "2025-08-05", 100);
    const correction = event("true", "2025-08-05", 200, { correctsEventId: wrong.id });
    expect(currentStatusEvent([wrong, correction])).toBe(correction);
  });

  it("does not let a corrected event win even when it is the latest by date", () => {
    const older = event("pending", "2023-05-16", 50);
    const wrong = event("false", "2025-08-05", 100);
    const correction = event("unprovable", "2023-06-01", 200, { correctsEventId: wrong.id });
    expect(currentStatusEvent([older, wrong, correction])).toBe(correction);
  });

  it("ignores a draft correction", () => {
    const original = event("false", "2025-08-05", 100);
    const draftCorrection = event("true", "2025-08-05", 200, { correctsEventId: original.id, visibility: "draft" });
    expect(currentStatusEvent([original, draftCorrection])).toBe(original);
  });
});
