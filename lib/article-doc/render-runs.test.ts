import { describe, expect, it } from "vitest";
import { docFromMarkdown } from "./from-markdown";
import { docText } from "./text";
import { renderRuns } from "./render-runs";

describe("renderRuns", () => {
  const doc = docFromMarkdown("# 标题\n\n据报道，**OpenAI 估值**约为270亿美元。\n\n第二段 😀 GPT-3。");
  const text = docText(doc);
  const at = (words: string) => Array.from(text.slice(0, text.indexOf(words))).length;

  it("cuts runs at inline marks and at overlapping and nested mentions, keeping every character once", () => {
    const outer = { id: 1, start: at("据报道"), end: at("。") };
    const inner = { id: 2, start: at("OpenAI"), end: at("约为") };
    const overlapping = { id: 3, start: at("估值"), end: at("270") };
    const blocks = renderRuns(doc, [outer, inner, overlapping]);
    const paragraph = blocks[1]!;
    expect(paragraph.runs.map((r) => [r.text, r.marks.bold ?? false, r.mentionIds])).toEqual([
      ["据报道，", false, [1]],
      ["OpenAI ", true, [1, 2]],
      ["估值", true, [1, 2, 3]],
      ["约为", false, [1, 3]],
      ["270亿美元", false, [1]],
      ["。", false, []],
    ]);
    expect(blocks.flatMap((b) => b.runs.map((r) => r.text)).join("")).toBe(text.replace(/\n\n/g, ""));
  });

  it("keeps offsets right after astral characters and across blocks", () => {
    const start = at("GPT-3");
    const blocks = renderRuns(doc, [{ id: 9, start, end: start + 5 }]);
    const run = blocks[2]!.runs.find((r) => r.mentionIds.includes(9))!;
    expect(run).toMatchObject({ text: "GPT-3", start, end: start + 5 });
    expect(blocks[2]!.endingMentionIds).toEqual([9]);
  });
});
