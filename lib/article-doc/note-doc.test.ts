import { describe, expect, it } from "vitest";
import { docFromMarkdown } from "./from-markdown";
import { noteDocFromMarkdown } from "./note-doc";

describe("noteDocFromMarkdown", () => {
  it("gives the same document as docFromMarkdown, parsed once per distinct text", () => {
    const text = "Per **the filing**, revenue [rose](https://example.com/f) <script>alert(1)</script>.";
    const first = noteDocFromMarkdown(text);
    expect(first).toEqual(docFromMarkdown(text));
    expect(noteDocFromMarkdown(text)).toBe(first);
    expect(noteDocFromMarkdown(`${text} `)).not.toBe(first);
  });

  it("hands out a frozen document, so no caller can change what the next one gets", () => {
    const doc = noteDocFromMarkdown("- one\n- *two*\n\n![chart](https://img.example/c.png)");
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.blocks)).toBe(true);
    for (const block of doc.blocks) {
      expect(Object.isFrozen(block)).toBe(true);
      if (block.type !== "image") expect(block.inlines.every((inline) => Object.isFrozen(inline))).toBe(true);
    }
    expect(() => (doc.blocks as unknown[]).push({})).toThrow(TypeError);
  });
});
