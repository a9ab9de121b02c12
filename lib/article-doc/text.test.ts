import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../anchor";
import { blockText, docText, layoutDoc } from "./text";
import type { ArticleDoc } from "./types";

const doc: ArticleDoc = {
  version: 1,
  blocks: [
    { type: "image", src: "https://img.example/lead.jpg", alt: "lead" },
    { type: "heading", level: 1, inlines: [{ text: "开源 " }, { text: "😀模型", bold: true }] },
    { type: "paragraph", inlines: [{ text: "Line one\nline " }, { text: "two", href: "https://example.com/" }] },
    { type: "image", src: "https://img.example/mid.jpg", alt: "" },
    { type: "paragraph", inlines: [] },
    { type: "quote", inlines: [{ text: "𠀀 quoted" }] },
    { type: "list-item", ordered: true, inlines: [{ text: "first" }] },
  ],
};

describe("blockText and docText", () => {
  it("joins a block's inlines and gives images no text", () => {
    expect(blockText(doc.blocks[1]!)).toBe("开源 😀模型");
    expect(blockText(doc.blocks[0]!)).toBe("");
  });

  it("joins only blocks with text, so images and empty blocks add no separator", () => {
    expect(docText(doc)).toBe("开源 😀模型\n\nLine one\nline two\n\n𠀀 quoted\n\nfirst");
  });

  it("renders an empty document as the empty string", () => {
    expect(docText({ version: 1, blocks: [] })).toBe("");
    expect(layoutDoc({ version: 1, blocks: [] })).toEqual([]);
  });
});

describe("layoutDoc", () => {
  const text = docText(doc);
  const layout = layoutDoc(doc);

  it("gives each text block the code point span its text occupies in docText", () => {
    for (const { block, start, end } of layout) {
      expect(sliceCodePoints(text, start, end)).toBe(blockText(block));
    }
    expect(layout.map(({ start, end }) => [start, end])).toEqual([
      [0, 0],
      [0, 6],
      [8, 25],
      [25, 25],
      [25, 25],
      [27, 35],
      [37, 42],
    ]);
  });

  it("places images at the end of the text before them, without shifting later offsets", () => {
    const withoutImages: ArticleDoc = { ...doc, blocks: doc.blocks.filter((b) => b.type !== "image") };
    const textSpans = (d: ArticleDoc) => layoutDoc(d).filter((l) => l.end > l.start).map(({ start, end }) => [start, end]);
    expect(textSpans(withoutImages)).toEqual(textSpans(doc));
    expect(layout[3]).toMatchObject({ index: 3, start: 25, end: 25 });
  });

  it("keeps block order and indexes", () => {
    expect(layout.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layout.map((l) => l.block)).toEqual(doc.blocks);
  });
});
