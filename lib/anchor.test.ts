import { describe, expect, it } from "vitest";
import { anchorAt, anchorQuote, codePointLength, codePointToCodeUnit, codeUnitToCodePoint, findQuoteOffsets, sliceCodePoints } from "./anchor";

describe("code point offsets", () => {
  const text = "A😀B𠀀C 开源";

  it("counts astral characters as one character each", () => {
    expect(text.length).toBe(10); // UTF-16 code units
    expect(codePointLength(text)).toBe(8);
  });

  it("converts between code units and code points in both directions", () => {
    const unit = text.indexOf("C");
    expect(unit).toBe(6);
    expect(codeUnitToCodePoint(text, unit)).toBe(4);
    expect(codePointToCodeUnit(text, 4)).toBe(6);
    for (let p = 0; p <= codePointLength(text); p++) {
      expect(codeUnitToCodePoint(text, codePointToCodeUnit(text, p))).toBe(p);
    }
  });

  it("slices by code points without splitting a surrogate pair", () => {
    expect(sliceCodePoints(text, 1, 4)).toBe("😀B𠀀");
  });

  it("refuses offsets outside the text", () => {
    expect(() => codePointToCodeUnit(text, 9)).toThrow(RangeError);
    expect(() => codeUnitToCodePoint(text, 11)).toThrow(RangeError);
  });
});

describe("anchors", () => {
  it("records the quote with up to 32 characters of prefix and suffix", () => {
    const text = `${"前".repeat(40)}OpenAI 估值270亿美元${"后".repeat(40)}`;
    const anchor = anchorAt(text, 40, 40 + codePointLength("OpenAI 估值270亿美元"));
    expect(anchor.exact).toBe("OpenAI 估值270亿美元");
    expect(anchor.prefix).toBe("前".repeat(32));
    expect(anchor.suffix).toBe("后".repeat(32));
  });

  it("keeps short context at the edges of the text", () => {
    const anchor = anchorAt("😀 GPT-3 has 175 billion parameters.", 2, 7);
    expect(anchor).toEqual({ start: 2, end: 7, exact: "GPT-3", prefix: "😀 ", suffix: " has 175 billion parameters." });
  });

  it("refuses empty or reversed spans", () => {
    expect(() => anchorAt("abc", 2, 2)).toThrow(RangeError);
    expect(() => anchorAt("abc", 2, 1)).toThrow(RangeError);
    expect(() => anchorAt("abc", 0, 4)).toThrow(RangeError);
  });

  it("finds every occurrence of a quote in code points, after astral characters", () => {
    const text = "𠀀开源，😀开源";
    expect(findQuoteOffsets(text, "开源")).toEqual([1, 5]);
  });

  it("anchors the chosen occurrence of a quote and reports how many there are", () => {
    const text = "开源模型。开源模型。";
    const second = anchorQuote(text, "开源模型", 1);
    expect(second).toMatchObject({ ok: true, occurrences: 2, anchor: { start: 5, end: 9, prefix: "开源模型。" } });
    expect(anchorQuote(text, "闭源")).toEqual({ ok: false, reason: "not-found" });
    expect(anchorQuote(text, "开源模型", 2)).toEqual({ ok: false, reason: "not-found" });
    expect(anchorQuote(text, "   ")).toEqual({ ok: false, reason: "empty" });
  });
});
