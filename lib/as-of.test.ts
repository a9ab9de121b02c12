import { describe, expect, it } from "vitest";
import { BOTH_AXES_MESSAGE, endOfDayMs, INVALID_AS_OF_MESSAGE, INVALID_PUBLISHED_MESSAGE, parseAsOf, parseTimeView, recordedBy, timeViewOfSearch, withTimeView } from "./as-of";

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

describe("the two time axes' parameters", () => {
  it("read asof as the effective axis and published as the recorded one", () => {
    expect(parseTimeView({ asof: "2024-01-01" })).toEqual({ ok: true, view: { axis: "effective", day: "2024-01-01" } });
    expect(parseTimeView({ published: "2024-01-01" })).toEqual({ ok: true, view: { axis: "published", day: "2024-01-01" } });
    expect(parseTimeView({})).toEqual({ ok: true, view: null });
    expect(timeViewOfSearch(new URLSearchParams("published=2024-02-29"))).toEqual({ ok: true, view: { axis: "published", day: "2024-02-29" } });
  });

  it("refuse both at once, and days that are not real, each with its own message", () => {
    expect(parseTimeView({ asof: "2024-01-01", published: "2024-01-01" })).toMatchObject({ ok: false, message: BOTH_AXES_MESSAGE });
    expect(parseTimeView({ asof: "2023-02-29" })).toMatchObject({ ok: false, message: INVALID_AS_OF_MESSAGE, invalid: "2023-02-29" });
    expect(parseTimeView({ published: "yesterday" })).toMatchObject({ ok: false, message: INVALID_PUBLISHED_MESSAGE, invalid: "yesterday" });
  });

  it("carry the view along in links, before any fragment", () => {
    expect(withTimeView("/claims/4", { axis: "published", day: "2024-01-01" })).toBe("/claims/4?published=2024-01-01");
    expect(withTimeView("/articles/a#claim-4", { axis: "effective", day: "2024-01-01" })).toBe("/articles/a?asof=2024-01-01#claim-4");
    expect(withTimeView("/claims/4", null)).toBe("/claims/4");
  });
});
