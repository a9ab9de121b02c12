import { describe, expect, it } from "vitest";
import { formatDate, formatTimestamp, quoted } from "./format";

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
