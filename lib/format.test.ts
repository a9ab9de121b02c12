import { describe, expect, it } from "vitest";
import { formatChineseTick, formatDate, formatTimestamp, quoted } from "./format";

describe("date formatting", () => {
  it("shows only the precision the date has", () => {
    expect(formatDate("2025-08-05")).toBe("5 Aug 2025");
    expect(formatDate("2024-10-01", "month")).toBe("Oct 2024");
    expect(formatDate("2023-01-01", "year")).toBe("2023");
  });

  it("formats recorded times in UTC whatever the server's zone", () => {
    expect(formatTimestamp("2025-08-06T10:00:00.000Z")).toBe("6 Aug 2025, 10:00 UTC");
    expect(formatTimestamp("2025-08-06T10:00:00.000Z", "en")).toBe("6 Aug 2025, 10:00 UTC");
  });

  it("writes Chinese dates as a Chinese newsroom does, at the date's precision", () => {
    expect(formatDate("2023-05-16", "day", "zh-Hans")).toBe("2023年5月16日");
    expect(formatDate("2023-05-01", "month", "zh-Hans")).toBe("2023年5月");
    expect(formatDate("2023-01-01", "year", "zh-Hans")).toBe("2023年");
    expect(formatDate("not a date", "day", "zh-Hans")).toBe("not a date");
  });

  it("keeps the UTC day in Chinese too, whatever the time of day", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Beijing: the page still says 31 Dec.
    expect(formatDate("2024-12-31T23:30:00.000Z", "day", "zh-Hans")).toBe("2024年12月31日");
    expect(formatTimestamp("2024-12-31T23:30:00.000Z", "zh-Hans")).toBe("2024年12月31日 23:30 UTC");
  });

  it("gives Chinese chart ticks as short as English ones", () => {
    expect(formatChineseTick(new Date("2024-01-01T00:00:00Z"))).toBe("2024年");
    expect(formatChineseTick(new Date("2024-05-01T00:00:00Z"))).toBe("5月");
    expect(formatChineseTick(new Date("2024-05-16T00:00:00Z"))).toBe("5月16日");
  });
});

describe("quoted", () => {
  it("wraps words in quotation marks", () => {
    expect(quoted("GPT-3 拥有1750亿个参数")).toBe("“GPT-3 拥有1750亿个参数”");
    expect(quoted("a")).toBe("“a”");
  });

  it("leaves words that carry their own pair of quotation marks as they are", () => {
    expect(quoted("“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”")).toBe("“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”");
    expect(quoted("「开源」")).toBe("「开源」");
    expect(quoted('"open weights"')).toBe('"open weights"');
  });

  it("still wraps words that only open or only close a quotation", () => {
    expect(quoted("“作为苹果的竞争对手，")).toBe("““作为苹果的竞争对手，”");
    expect(quoted('"')).toBe('“"”');
  });
});
