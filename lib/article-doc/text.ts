import { codePointLength } from "../anchor";
import { type ArticleDoc, type Block, BLOCK_SEPARATOR } from "./types";

/**
 * The id of the element that renders an article's text on its reader page
 * (components/article-body.tsx): its DOM text is exactly docText, so exported annotations
 * select it and count their offsets within it.
 */
export const ARTICLE_BODY_ELEMENT_ID = "article-body";

/** The text of a text block; images carry no text. */
export function blockText(block: Block): string {
  if (block.type === "image") return "";
  return block.inlines.map((inline) => inline.text).join("");
}

/**
 * The rendered text that mention anchors index into. Blocks without text (images, and any
 * empty block a caller built by hand) are skipped entirely, so they never add a separator.
 */
export function docText(doc: ArticleDoc): string {
  return doc.blocks
    .map(blockText)
    .filter((text) => text !== "")
    .join(BLOCK_SEPARATOR);
}

export interface BlockLayout {
  block: Block;
  /** Position of the block in doc.blocks. */
  index: number;
  /** Code point offset of the block's first character in docText(doc). */
  start: number;
  /** Code point offset just past the block's last character; equals start for blocks without text. */
  end: number;
}

const SEPARATOR_LENGTH = codePointLength(BLOCK_SEPARATOR);

/**
 * Where each block's text sits in docText(doc). Mirrors docText exactly: a separator is
 * counted only between two blocks that have text. A block without text sits at the end of
 * the text before it (0 at the very start).
 */
export function layoutDoc(doc: ArticleDoc): BlockLayout[] {
  let cursor = 0;
  let seenText = false;
  return doc.blocks.map((block, index) => {
    const text = blockText(block);
    if (text === "") return { block, index, start: cursor, end: cursor };
    if (seenText) cursor += SEPARATOR_LENGTH;
    seenText = true;
    const start = cursor;
    cursor += codePointLength(text);
    return { block, index, start, end: cursor };
  });
}
