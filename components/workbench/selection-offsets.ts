import { codePointLength } from "@/lib/anchor";
import { ARTICLE_BODY_ELEMENT_ID } from "@/lib/article-doc/text";

/**
 * Converts a DOM selection point inside the rendered article body into a code point offset
 * of the article's rendered text. Each text block carries `data-start` and contains exactly
 * its own text, so the offset is the block's start plus the length of the text before the
 * point within the block — the same numbers the server uses. A point between blocks (in the
 * separator text drawn there) counts the whole body's text before it, which is the rendered
 * text itself (components/article-body.tsx).
 */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-start]");
  const body = element?.closest<HTMLElement>(`#${ARTICLE_BODY_ELEMENT_ID}`);
  const from = block && root.contains(block) ? block : body && root.contains(body) ? body : null;
  if (!from) return null;
  const before = document.createRange();
  before.setStart(from, 0);
  before.setEnd(node, offset);
  return Number(from.dataset.start ?? 0) + codePointLength(before.toString());
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
