import { codePointLength } from "@/lib/anchor";

/**
 * Converts a DOM selection point inside the rendered article body into a code point offset
 * of the article's rendered text. Each text block carries `data-start` and contains exactly
 * its own text, so the offset is the block's start plus the length of the text before the
 * point within the block — the same numbers the server uses.
 */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-start]");
  if (!block || !root.contains(block)) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return Number(block.dataset.start) + codePointLength(before.toString());
}

export interface BodySelection {
  start: number;
  end: number;
  text: string;
}

/** The current selection as offsets, when it lies within the article body and is not empty. */
export function readBodySelection(root: HTMLElement): BodySelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOfPoint(root, range.startContainer, range.startOffset);
  const end = offsetOfPoint(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const text = range.toString();
  return text.trim() ? { start, end, text } : null;
}
