import { describe, expect, it } from "vitest";
import { observationInput } from "./observation-input";
import { latestPastDay, todayIso } from "./today";
import { claimFromSpanInput } from "./workbench-input";
import { articleInput, claimWithMentionInput, fieldErrors, idParam, safeNextPath, sourceInput, statusEventInput } from "./validation";

describe("input validation", () => {
  it("normalises blank optional fields to null and canonicalises the language tag", () => {
    const parsed = articleInput.parse({ title: " 标题 ", language: "zh-hans", body: "正文\r\n第二行", sourceUrl: "", outlet: "  ", publishedDate: "" });
    expect(parsed).toMatchObject({ title: "标题", language: "zh-Hans", body: "正文\n第二行", sourceUrl: null, outlet: null, publishedDate: null, status: "draft" });
  });

  it("refuses non-http URLs, impossible dates and bad language tags with a message", () => {
    const result = articleInput.safeParse({ title: "t", language: "not a tag!", body: "b", sourceUrl: "javascript:alert(1)", publishedDate: "2023-02-30" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["language", "sourceUrl", "publishedDate"]));
    expect(sourceInput.safeParse({ url: "ftp://example.com/file" }).success).toBe(false);
    expect(sourceInput.safeParse({ url: "https://example.com/a" }).success).toBe(true);
  });

  it("caps statements at 120 characters counted in code points", () => {
    const base = { articleId: 1, quote: "q" };
    expect(claimWithMentionInput.safeParse({ ...base, statement: "😀".repeat(120) }).success).toBe(true);
    expect(claimWithMentionInput.safeParse({ ...base, statement: "字".repeat(121) }).success).toBe(false);
  });

  it("parses effective dates with their precision and coerces form numbers", () => {
    const parsed = statusEventInput.parse({ claimId: "7", statusKey: "true", effectiveDate: "2025-08", correctsEventId: "" });
    expect(parsed).toMatchObject({ claimId: 7, effectiveDate: { date: "2025-08-01", precision: "month" }, correctsEventId: null, visibility: "published" });
    expect(statusEventInput.safeParse({ claimId: 7, statusKey: "true", effectiveDate: "2025-02-31" }).success).toBe(false);
  });

  it("reads ids only in their one canonical spelling, so no other address names the same row", () => {
    expect(idParam.parse("1")).toBe(1);
    expect(idParam.parse("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(idParam.parse(42)).toBe(42);
    for (const other of ["0x1", "1.0", "01", "+1", "-1", "0", " 1", "1 ", "1e0", "１", "9007199254740992", "99999999999999999999", "", "Infinity", "NaN"]) {
      expect(idParam.safeParse(other).success, JSON.stringify(other)).toBe(false);
    }
    for (const other of [0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, [1]]) {
      expect(idParam.safeParse(other).success, String(other)).toBe(false);
    }
    expect(idParam.safeParse("0x1").error?.issues[0]?.message).toBe("Not a valid id.");
  });

  it("allows only same-site redirect paths after sign-in", () => {
    expect(safeNextPath("/editor/articles/3")).toBe("/editor/articles/3");
    expect(safeNextPath("//evil.example")).toBe("/editor");
    expect(safeNextPath("https://evil.example")).toBe("/editor");
    expect(safeNextPath("/\\evil.example")).toBe("/editor");
    expect(safeNextPath(undefined)).toBe("/editor");
    // Browsers drop tabs and line breaks from a URL and read "\\" as "/": these all mean "//evil.test".
    expect(safeNextPath("/\t/evil.test/phish")).toBe("/editor");
    expect(safeNextPath(decodeURIComponent("%2F%09%2Fevil.test%2Fphish"))).toBe("/editor");
    expect(safeNextPath("/\n/evil.test")).toBe("/editor");
    expect(safeNextPath("/\r\n/evil.test")).toBe("/editor");
    expect(safeNextPath("/\\/evil.test")).toBe("/editor");
    expect(safeNextPath("/ /evil.test")).toBe("/%20/evil.test");
    // A same-site path keeps its query and fragment, and what a header cannot carry is encoded.
    expect(safeNextPath("/editor/articles?q=a b#x")).toBe("/editor/articles?q=a%20b#x");
    expect(safeNextPath("/editor/\n\u00e9")).toBe("/editor/%C3%A9");
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/editor");
  });
});

describe("dates of things that happened", () => {
  /** The UTC day `days` after today, as YYYY-MM-DD. */
  const inDays = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));
  const event = (effectiveDate: string) => statusEventInput.safeParse({ claimId: 7, statusKey: "true", effectiveDate });

  it("takes effective dates up to tomorrow (UTC), so editors ahead of UTC can enter their today", () => {
    expect(event(todayIso()).success).toBe(true);
    expect(event(latestPastDay()).success).toBe(true);
    expect(event(inDays(-400)).success).toBe(true);
  });

  it("refuses effective dates more than a day ahead, in every precision, with a message on the field", () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    const monthAfterNext = inDays(62).slice(0, 7);
    // "2027" counts from 2027-01-01, so it is refused until 2026-12-31, when it is tomorrow.
    const yearRefused = `${nextYear}-01-01` > latestPastDay();
    for (const date of [inDays(2), "2205-01-01", "2205", "9999-12", monthAfterNext, ...(yearRefused ? [nextYear] : [])]) {
      const result = event(date);
      expect(result.success, date).toBe(false);
      expect(fieldErrors(result.error!), date).toEqual({ effectiveDate: `That date is in the future; enter a date up to ${latestPastDay()}.` });
    }
  });

  it("refuses observations dated more than a day ahead, and claims made in the future", () => {
    const observation = (observedOn: string) => observationInput.safeParse({ claimId: 3, value: "1", observedOn });
    expect(observation(latestPastDay()).success).toBe(true);
    expect(fieldErrors(observation("2205-01-01").error!)).toEqual({ observedOn: expect.stringContaining("in the future") });
    expect(fieldErrors(claimWithMentionInput.safeParse({ articleId: 1, quote: "q", statement: "s", claimDate: inDays(2) }).error!)).toEqual({ claimDate: expect.stringContaining("in the future") });
    expect(claimWithMentionInput.safeParse({ articleId: 1, quote: "q", statement: "s", claimDate: "" }).data?.claimDate).toBeNull();
    // A prediction's figure may be "as of" the year it predicts; only when the claim was made is limited.
    const span = { articleId: 1, start: 0, end: 4, statement: "s", kind: "prediction" };
    expect(claimFromSpanInput.safeParse({ ...span, quantityValue: "5", quantityAsOf: "2030-01-01" }).success).toBe(true);
    expect(claimFromSpanInput.safeParse({ ...span, claimDate: "2205-01-01" }).success).toBe(false);
  });
});
