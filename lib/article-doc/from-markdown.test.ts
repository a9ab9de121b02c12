import { describe, expect, it } from "vitest";
import { docFromMarkdown } from "./from-markdown";
import { docText } from "./text";
import type { Block } from "./types";

describe("docFromMarkdown", () => {
  it("renders headings, emphasis, links and images into blocks", () => {
    const doc = docFromMarkdown(
      "# 开源模型\n\n## Why it matters\n\nMeta **said** it would *open* the `weights`, per [a report](https://example.com/r).\n\n![A chart](https://img.example/c.png)\n",
    );
    expect(doc.blocks).toEqual<Block[]>([
      { type: "heading", level: 1, inlines: [{ text: "开源模型" }] },
      { type: "heading", level: 2, inlines: [{ text: "Why it matters" }] },
      {
        type: "paragraph",
        inlines: [
          { text: "Meta " },
          { text: "said", bold: true },
          { text: " it would " },
          { text: "open", italic: true },
          { text: " the " },
          { text: "weights", code: true },
          { text: ", per " },
          { text: "a report", href: "https://example.com/r" },
          { text: "." },
        ],
      },
      { type: "image", src: "https://img.example/c.png", alt: "A chart" },
    ]);
  });

  it("turns bullet and numbered lists (tight or loose) into list items, and > into quotes", () => {
    const doc = docFromMarkdown("- apple\n- banana\n\n1. first\n\n2. second\n\n> quoted\n> still quoted\n");
    expect(doc.blocks).toEqual<Block[]>([
      { type: "list-item", ordered: false, inlines: [{ text: "apple" }] },
      { type: "list-item", ordered: false, inlines: [{ text: "banana" }] },
      { type: "list-item", ordered: true, inlines: [{ text: "first" }] },
      { type: "list-item", ordered: true, inlines: [{ text: "second" }] },
      { type: "quote", inlines: [{ text: "quoted still quoted" }] },
    ]);
  });

  it("leaves a javascript: link inert: its text stays, its href does not", () => {
    const doc = docFromMarkdown("Click [x](javascript:alert(1)) now, or [y](JAVASCRIPT:alert(2)).");
    expect(doc.blocks).toEqual([{ type: "paragraph", inlines: [{ text: "Click x now, or y." }] }]);
    expect(JSON.stringify(doc)).not.toMatch(/javascript|alert/i);
  });

  it("sends raw HTML inside Markdown through the same sanitizer", () => {
    const doc = docFromMarkdown(
      'Text <img src="x" onerror="alert(1)"> and <script>alert(2)</script>\n\n<div onclick="alert(3)">**div**</div>\n\n<iframe src="https://evil.example/"></iframe>',
    );
    expect(JSON.stringify(doc)).not.toMatch(/onerror|onclick|script|iframe|alert/i);
    expect(docText(doc)).toContain("Text");
  });

  it("keeps hard line breaks and CRLF input", () => {
    expect(docText(docFromMarkdown("line one  \r\nline two\r\n\r\nnext"))).toBe("line one\nline two\n\nnext");
  });
});
