import { describe, expect, it } from "vitest";
import { anchorQuote, type TextAnchor } from "./anchor";
import { reanchor } from "./reanchor";

function anchorOf(text: string, quote: string, occurrence = 0): TextAnchor {
  const found = anchorQuote(text, quote, occurrence);
  if (!found.ok) throw new Error("quote not in text");
  return found.anchor;
}

describe("re-anchoring after an edit", () => {
  const original = "OpenAI 计划发布开源模型。估值约为270亿美元。";
  const anchor = anchorOf(original, "估值约为270亿美元");

  it("keeps the same offsets when the quote has not moved", () => {
    const edited = `${original}新增的结尾。`;
    expect(reanchor(edited, anchor)).toEqual({ state: "anchored", how: "unchanged", anchor: { ...anchor, suffix: "。新增的结尾。" } });
  });

  it("follows the quote when a paragraph is inserted above it", () => {
    const edited = `新的导语段落。\n\n${original}`;
    const result = reanchor(edited, anchor);
    expect(result.state).toBe("anchored");
    if (result.state !== "anchored") return;
    expect(result.how).toBe("moved");
    expect(result.anchor.start).toBe(anchor.start + 9);
    expect(result.anchor.exact).toBe("估值约为270亿美元");
  });

  it("prefers the occurrence whose context matches when the quote now appears twice", () => {
    const text = "甲说：估值约为270亿美元。乙说：估值约为270亿美元。";
    const second = anchorOf(text, "估值约为270亿美元", 1);
    const edited = `导语。${text.replace("甲说", "甲公司说")}`;
    const result = reanchor(edited, second);
    expect(result.state === "anchored" && result.anchor.prefix.endsWith("乙说：")).toBe(true);
  });

  it("reports a mention orphaned when its words are gone", () => {
    const edited = "OpenAI 计划发布开源模型。";
    expect(reanchor(edited, anchor)).toEqual({ state: "orphaned" });
  });
});
