import { describe, expect, it } from "vitest";
import { formatDate, formatTimestamp } from "./format";

describe("date formatting", () => {
  it("shows only the precision the date has", () => {
    expect(formatDate("2025-08-05")).toBe("5 Aug 2025");
    expect(formatDate("2024-10-01", "month")).toBe("Oct 2024");
    expect(formatDate("2023-01-01", "year")).toBe("2023");
  });

  it("formats recorded times in UTC whatever the server's zone", () => {
    expect(formatTimestamp("2025-08-06T10:00:00.000Z")).toBe("6 Aug 2025, 10:00 UTC");
  });
});
