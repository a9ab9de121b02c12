import { describe, expect, it } from "vitest";
import { changePrecision, defaultClaimDate, formatPreciseDate, isIsoDay, parsePreciseDate } from "./dates";

describe("precise dates", () => {
  it("parses day, month and year precision to the first day of the period", () => {
    expect(parsePreciseDate("2025-08-05")).toEqual({ date: "2025-08-05", precision: "day" });
    expect(parsePreciseDate("2025-08")).toEqual({ date: "2025-08-01", precision: "month" });
    expect(parsePreciseDate(" 2023 ")).toEqual({ date: "2023-01-01", precision: "year" });
  });

  it("refuses impossible or malformed dates", () => {
    for (const bad of ["2023-02-30", "2023-13", "2023-00-10", "23-05-01", "2023/05/01", "", "May 2023"]) {
      expect(parsePreciseDate(bad), bad).toBeNull();
    }
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
  });

  it("formats back to what the editor typed", () => {
    for (const typed of ["2025-08-05", "2025-08", "2023"]) {
      expect(formatPreciseDate(parsePreciseDate(typed)!)).toBe(typed);
    }
  });
});

describe("defaultClaimDate", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  it("is the article's published day", () => {
    expect(defaultClaimDate("2023-05-16", now)).toBe("2023-05-16");
  });
  it("is none without a date, or for an article dated ahead of tomorrow", () => {
    expect(defaultClaimDate(null, now)).toBeNull();
    expect(defaultClaimDate("", now)).toBeNull();
    expect(defaultClaimDate("2026-12-05", now)).toBe("2026-12-05");
    expect(defaultClaimDate("2026-12-06", now)).toBeNull();
  });
});

describe("changePrecision", () => {
  it("keeps what a coarser precision can hold and invents no day for a finer one", () => {
    expect(changePrecision("2025-08-05", "month")).toBe("2025-08");
    expect(changePrecision("2025-08-05", "year")).toBe("2025");
    expect(changePrecision("2025-08", "year")).toBe("2025");
    expect(changePrecision("2025-08-05", "day")).toBe("2025-08-05");
    expect(changePrecision("2025", "day")).toBe("");
    expect(changePrecision("2025-08", "day")).toBe("");
    expect(changePrecision("202", "year")).toBe("");
  });
});
