import { describe, expect, it } from "vitest";
import { docFromPlain } from "./from-plain";
import { docText } from "./text";

describe("docFromPlain", () => {
  it("makes one paragraph per run of lines separated by blank lines", () => {
    const doc = docFromPlain("First line\nstill first\n\n\n\nSecond\n  \t \nThird");
    expect(doc).toEqual({
      version: 1,
      blocks: [
        { type: "paragraph", inlines: [{ text: "First line\nstill first" }] },
        { type: "paragraph", inlines: [{ text: "Second" }] },
        { type: "paragraph", inlines: [{ text: "Third" }] },
      ],
    });
  });

  it("normalises CRLF and lone CR line endings", () => {
    expect(docText(docFromPlain("a\r\nb\r\n\r\nc\rd\r\re"))).toBe("a\nb\n\nc\nd\n\ne");
  });

  it("trims each paragraph at both ends but keeps its inner indentation", () => {
    const doc = docFromPlain("\n\n   　　中文段落\n    indented line   \n\n");
    expect(docText(doc)).toBe("中文段落\n    indented line");
  });

  it("returns no blocks for blank input", () => {
    expect(docFromPlain("").blocks).toEqual([]);
    expect(docFromPlain(" \n\t\n\r\n").blocks).toEqual([]);
  });

  it("renders back to itself when paragraphs are already separated by one blank line (and no line wraps inside Chinese text)", () => {
    // A small seeded generator: the same cases on every run, many shapes of text.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ["a", "Z", "开", "源", "😀", "𠀀", " ", ",", "“", "”", "é", "\t"];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("").trim() || "x";
    // Every line opens with a Latin letter, so no break falls between two Chinese characters (those join: below).
    const line = () => ["x", ...Array.from({ length: 1 + Math.floor(random() * 4) }, word)].join(" ");
    const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 3) }, line).join("\n");

    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 5) }, paragraph).join("\n\n");
      expect(docText(docFromPlain(text))).toBe(text);
    }
  });

  it("joins a hard wrap inside Chinese text without a space and keeps breaks between Latin lines", () => {
    const text = "据报道，OpenAI估值约为270\n亿美元，训练用了大约20，000\n小时的人工反馈。\nThe model is\nopen.";
    expect(docText(docFromPlain(text))).toBe("据报道，OpenAI估值约为270亿美元，训练用了大约20，000小时的人工反馈。The model is\nopen.");
  });

  it("drops the spaces at a joined wrap but keeps an indented Chinese paragraph on its own line", () => {
    expect(docText(docFromPlain("人工智能  \n  公司"))).toBe("人工智能公司");
    expect(docText(docFromPlain("第一段结束。\n　　第二段开始"))).toBe("第一段结束。\n　　第二段开始");
  });
});
