import { describe, expect, it } from "vitest";
import { daysAgoIso, startOfDayMs, todayIso } from "./recheck";
import { queueQuery, recheckByInput } from "./recheck-input";

describe("re-check dates", () => {
  it("takes today as the UTC calendar day, whatever the hour", () => {
    expect(todayIso(new Date("2025-08-05T00:00:00Z"))).toBe("2025-08-05");
    expect(todayIso(new Date("2025-08-05T23:59:59.999Z"))).toBe("2025-08-05");
    // 07:30 in Shanghai is still the previous day in UTC.
    expect(todayIso(new Date("2025-08-06T07:30:00+08:00"))).toBe("2025-08-05");
  });

  it("counts days back across month ends, leap days and years", () => {
    const now = new Date("2025-03-01T18:00:00Z");
    expect(daysAgoIso(0, now)).toBe("2025-03-01");
    expect(daysAgoIso(1, now)).toBe("2025-02-28");
    expect(daysAgoIso(365, now)).toBe("2024-03-01");
    expect(daysAgoIso(1, new Date("2024-03-01T00:00:00Z"))).toBe("2024-02-29");
    expect(daysAgoIso(90, new Date("2025-01-15T12:00:00Z"))).toBe("2024-10-17");
  });

  it("gives the same cutoff at any time of the same day", () => {
    expect(daysAgoIso(90, new Date("2025-08-05T00:00:01Z"))).toBe(daysAgoIso(90, new Date("2025-08-05T23:59:59Z")));
  });

  it("turns a day into its first UTC instant", () => {
    expect(startOfDayMs("2025-08-05")).toBe(Date.UTC(2025, 7, 5));
  });
});

describe("re-check inputs", () => {
  it("accepts a real date and turns a blank one into null (clearing it)", () => {
    expect(recheckByInput.parse({ claimId: "7", recheckBy: "2025-12-31" })).toEqual({ claimId: 7, recheckBy: "2025-12-31" });
    expect(recheckByInput.parse({ claimId: "7", recheckBy: "" })).toEqual({ claimId: 7, recheckBy: null });
    expect(recheckByInput.parse({ claimId: 7 })).toEqual({ claimId: 7, recheckBy: null });
  });

  it("refuses impossible or malformed dates and bad claim ids", () => {
    const paths = (value: unknown) => recheckByInput.safeParse(value).error?.issues.map((i) => i.path.join("."));
    expect(paths({ claimId: 7, recheckBy: "2025-02-29" })).toEqual(["recheckBy"]);
    expect(paths({ claimId: 7, recheckBy: "31/12/2025" })).toEqual(["recheckBy"]);
    expect(paths({ claimId: 7, recheckBy: "2025" })).toEqual(["recheckBy"]);
    expect(paths({ claimId: "0", recheckBy: "2025-12-31" })).toEqual(["claimId"]);
  });

  it("reads the queue's days from a search parameter, defaulting to 90", () => {
    expect(queueQuery.parse({})).toEqual({ days: 90 });
    expect(queueQuery.parse({ days: "" })).toEqual({ days: 90 });
    expect(queueQuery.parse({ days: "30" })).toEqual({ days: 30 });
    expect(queueQuery.parse({ days: ["7", "8"] })).toEqual({ days: 7 });
    expect(queueQuery.parse({ days: "1" })).toEqual({ days: 1 });
    expect(queueQuery.parse({ days: "3650" })).toEqual({ days: 3650 });
  });

  it("refuses days out of range, fractional or not a number", () => {
    for (const days of ["0", "-5", "3651", "1.5", "abc"]) {
      expect(queueQuery.safeParse({ days }).success, days).toBe(false);
    }
  });
});
