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

  it("follows a quote that was lightly edited, as an approximate match", () => {
    const edited = `导语。\n\n${original.replace("估值约为270亿美元", "估值大约为270亿美元")}`;
    const result = reanchor(edited, anchor);
    expect(result).toMatchObject({ state: "anchored", how: "approximate", anchor: { exact: "估值大约为270亿美元" } });
  });

  it("approximately matches long quotes with astral characters without splitting them", () => {
    const long = "😀 OpenAI is preparing to release a new open-source language model to the public, 𠀀 sources said.";
    const old = anchorOf(long, "OpenAI is preparing to release a new open-source language model to the public");
    const edited = `Intro 𠀀.\n\n${long.replace("preparing", "getting ready")}`;
    const result = reanchor(edited, old);
    expect(result).toMatchObject({ state: "anchored", how: "approximate", anchor: { exact: "OpenAI is getting ready to release a new open-source language model to the public" } });
    if (result.state === "anchored") expect(Array.from(edited).slice(result.anchor.start, result.anchor.end).join("")).toBe(result.anchor.exact);
  });

  it("does not accept a span that merely resembles the quote", () => {
    const edited = "OpenAI 计划发布开源模型。市值据称达到一千五百亿美元。";
    expect(reanchor(edited, anchor)).toEqual({ state: "orphaned" });
  });

  it("reports a mention orphaned when its words are gone", () => {
    const edited = "OpenAI 计划发布开源模型。";
    expect(reanchor(edited, anchor)).toEqual({ state: "orphaned" });
  });
});
