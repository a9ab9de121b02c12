import { describe, expect, it } from "vitest";
import { latestPastDay, todayIso } from "./today";
import { futureDateProblem } from "./validation";

describe("latestPastDay", () => {
  it("is tomorrow in UTC, whatever the hour, so an editor in UTC+14 can always enter their today", () => {
    expect(latestPastDay(new Date("2026-12-04T00:00:00Z"))).toBe("2026-12-05");
    expect(latestPastDay(new Date("2026-12-04T23:59:59Z"))).toBe("2026-12-05");
    expect(latestPastDay(new Date("2026-12-31T12:00:00Z"))).toBe("2027-01-01");
    expect(latestPastDay(new Date("2028-02-28T10:00:00Z"))).toBe("2028-02-29");
  });

  it("covers the local date of every time zone at that instant", () => {
    for (const instant of ["2026-12-04T00:00:00Z", "2026-12-04T10:00:00Z", "2026-12-04T23:59:59Z"]) {
      const now = new Date(instant);
      // UTC+14 (Kiribati) is the furthest ahead; UTC-12 the furthest behind.
      const kiribati = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(now);
      expect(kiribati <= latestPastDay(now), instant).toBe(true);
      expect(todayIso(now) <= latestPastDay(now)).toBe(true);
    }
  });
});

describe("futureDateProblem", () => {
  const now = new Date("2026-12-04T10:00:00Z");

  it("accepts the past, today and tomorrow (UTC), and refuses later days with the latest allowed date", () => {
    for (const day of ["2023-05-15", "2026-12-04", "2026-12-05"]) expect(futureDateProblem(day, now), day).toBeNull();
    for (const day of ["2026-12-06", "2027-01-01", "2205-01-01"]) expect(futureDateProblem(day, now), day).toBe("That date is in the future; enter a date up to 2026-12-05.");
  });
});
