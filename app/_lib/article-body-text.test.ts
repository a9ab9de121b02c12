import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody, type BodyMention } from "@/components/article-body";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { anchorAt } from "@/lib/anchor";
import { type ArticleDoc, docText } from "@/lib/article-doc";

const status = (key: string): StatusDto => ({ key, labelEn: key, labelZh: key, color: "#4b5563", icon: "question", resolved: false, ratingValue: null, retired: false });

/** The body element's DOM text, as a browser (and an annotation client) reads it. */
function renderedText(doc: ArticleDoc, mentions: BodyMention[] = []): string {
  const html = renderToStaticMarkup(
    createElement(ArticleBody, {
      doc,
      mentions,
      status,
      // A marker as the reader page draws it: an icon button, named by aria-label.
      renderMarker: (m: BodyMention) => createElement("button", { type: "button", "aria-label": `Status: ${m.statement}` }, createElement("svg", { "aria-hidden": "true" })),
    }),
  );
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.getElementById("article-body")!.textContent!;
}

const mentionOf = (text: string, quote: string, id: number): BodyMention => {
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  const anchor = anchorAt(text, start, start + Array.from(quote).length);
  return { mentionId: id, claimId: id, start: anchor.start, end: anchor.end, statusKey: "true", statement: `claim ${id}` };
};

// Tested here because vitest runs app/, not components/. Web Annotations select the body element
// and count offsets within its text (lib/reports/report-annotations.ts): that text must be docText.
describe("ArticleBody's DOM text", () => {
  it("is exactly the rendered text the offsets count, separators included, whatever the blocks", () => {
    const doc: ArticleDoc = {
      version: 1,
      blocks: [
        { type: "image", src: "https://example.com/first.png", alt: "before any text" },
        { type: "heading", level: 2, inlines: [{ text: "Heading 😀 𠀀" }] },
        { type: "paragraph", inlines: [{ text: "Plain, " }, { text: "bold", bold: true }, { text: " and " }, { text: "a link", href: "https://example.com/" }] },
        { type: "list-item", ordered: false, inlines: [{ text: "item one" }] },
        { type: "list-item", ordered: false, inlines: [] },
        { type: "list-item", ordered: false, inlines: [{ text: "item three" }] },
        { type: "list-item", ordered: true, inlines: [{ text: "numbered" }] },
        { type: "image", src: "https://example.com/middle.png", alt: "between" },
        { type: "paragraph", inlines: [] },
        { type: "quote", inlines: [{ text: "quoted\nover two lines" }] },
        { type: "image", src: "https://example.com/last.png", alt: "after all text" },
      ],
    };
    const text = docText(doc);
    expect(text).toBe("Heading 😀 𠀀\n\nPlain, bold and a link\n\nitem one\n\nitem three\n\nnumbered\n\nquoted\nover two lines");
    expect(renderedText(doc)).toBe(text);
    // Highlights and their markers, nested, overlapping and across blocks, add no text.
    const mentions = [mentionOf(text, "😀 𠀀\n\nPlain", 1), mentionOf(text, "bold and a", 2), mentionOf(text, "and", 3), mentionOf(text, "three\n\nnumbered", 4)];
    expect(renderedText(doc, mentions)).toBe(text);
  });

  it("is empty for a document without text", () => {
    expect(renderedText({ version: 1, blocks: [{ type: "image", src: "https://example.com/a.png", alt: "a" }] })).toBe("");
  });
});
