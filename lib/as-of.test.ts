import { describe, expect, it } from "vitest";
import { endOfDayMs, parseAsOf, recordedBy } from "./as-of";

describe("as-of dates", () => {
  it("accepts only real YYYY-MM-DD days", () => {
    expect(parseAsOf("2024-01-01")).toBe("2024-01-01");
    expect(parseAsOf(["2024-02-29", "x"])).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2024-1-1", "yesterday", "", undefined, null]) expect(parseAsOf(bad)).toBeNull();
  });

  it("counts everything recorded up to the end of the day, in UTC", () => {
    expect(endOfDayMs("2024-01-01")).toBe(Date.parse("2024-01-01T23:59:59.999Z"));
    expect(recordedBy(new Date("2024-01-01T23:59:59.999Z"), "2024-01-01")).toBe(true);
    expect(recordedBy(new Date("2024-01-02T00:00:00.000Z"), "2024-01-01")).toBe(false);
    expect(recordedBy(Date.parse("2030-01-01T00:00:00Z"), null)).toBe(true);
  });
});
