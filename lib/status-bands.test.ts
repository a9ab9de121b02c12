import { describe, expect, it } from "vitest";
import type { StatusEventFacts } from "./current-status";
import { statusBands } from "./status-bands";

let id = 1;
const event = (statusKey: string, effectiveDate: string, extra: Partial<StatusEventFacts> = {}): StatusEventFacts => ({
  id: id++,
  statusKey,
  effectiveDate,
  recordedAt: id * 1000,
  visibility: "published",
  correctsEventId: null,
  ...extra,
});

describe("status bands", () => {
  it("runs from the claim date through each status to the end", () => {
    const events = [event("pending", "2023-05-15"), event("true", "2025-08-05")];
    expect(statusBands(events, "2023-05-01", "2026-01-01")).toEqual([
      { statusKey: "unverified", from: "2023-05-01", to: "2023-05-15" },
      { statusKey: "pending", from: "2023-05-15", to: "2025-08-05" },
      { statusKey: "true", from: "2025-08-05", to: "2026-01-01" },
    ]);
  });

  it("stops at the as-of day and leaves out events effective after it", () => {
    const events = [event("pending", "2023-05-15"), event("true", "2025-08-05")];
    expect(statusBands(events, null, "2024-01-01")).toEqual([{ statusKey: "pending", from: "2023-05-15", to: "2024-01-01" }]);
  });

  it("ignores drafts and corrected events, like the current status", () => {
    const wrong = event("false", "2025-08-05");
    const events = [event("pending", "2023-05-15"), wrong, event("true", "2025-08-05", { correctsEventId: wrong.id }), event("mixed", "2025-09-01", { visibility: "draft" })];
    expect(statusBands(events, null, "2025-12-31").map((b) => b.statusKey)).toEqual(["pending", "true"]);
  });

  it("joins consecutive events of the same status into one band", () => {
    const events = [event("pending", "2023-05-15"), event("pending", "2024-01-02"), event("true", "2025-08-05")];
    expect(statusBands(events, null, "2026-01-01")).toEqual([
      { statusKey: "pending", from: "2023-05-15", to: "2025-08-05" },
      { statusKey: "true", from: "2025-08-05", to: "2026-01-01" },
    ]);
  });

  it("shows a claim with no events as unverified from its date", () => {
    expect(statusBands([], "2024-03-01", "2024-06-01")).toEqual([{ statusKey: "unverified", from: "2024-03-01", to: "2024-06-01" }]);
  });
});
