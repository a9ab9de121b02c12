import { createMemoCache } from "../memo-cache";
import { docFromMarkdown } from "./from-markdown";
import type { ArticleDoc } from "./types";

/**
 * Rationales are rendered on every view of every page that shows a timeline, and parsing one
 * (Markdown, then the sanitizer, then the block walker) costs far more than drawing it. The
 * result depends on the text alone, so it is kept per text and never needs invalidating; the
 * bound keeps a desk with many distinct rationales from growing the process without limit.
 */
const parsed = createMemoCache(2000);

/**
 * The document of a note written in Markdown (a rationale), parsed once per distinct text.
 * It is shared by every later caller, so it is frozen: a mutation would throw, not leak.
 */
export const noteDocFromMarkdown: (markdown: string) => ArticleDoc = parsed.wrap("note-doc", (markdown: string) => freezeDoc(docFromMarkdown(markdown)));

function freezeDoc(doc: ArticleDoc): ArticleDoc {
  for (const block of doc.blocks) {
    if (block.type !== "image") {
      block.inlines.forEach((inline) => Object.freeze(inline));
      Object.freeze(block.inlines);
    }
    Object.freeze(block);
  }
  Object.freeze(doc.blocks);
  return Object.freeze(doc);
}
