import { describe, expect, it } from "vitest";
import { articleInput, claimWithMentionInput, safeNextPath, sourceInput, statusEventInput } from "./validation";

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
