import { breakJoinsWithoutSpace } from "./segment-break";
import type { ArticleDoc, Block } from "./types";

/**
 * Plain text becomes one paragraph per run of non-blank lines. Single newlines inside a
 * paragraph are kept (poems, addresses, quoted dialogue), so a text whose paragraphs are
 * already separated by exactly one blank line renders back to itself and its anchors hold.
 * The exception is a hard wrap inside Chinese text ("270\n亿美元"): that newline vanishes,
 * as a browser would remove it (segment-break.ts), so the figure reads and is found whole.
 */
export function docFromPlain(text: string): ArticleDoc {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let current: string | null = null;

  const flush = () => {
    const paragraph = (current ?? "").trim();
    if (paragraph !== "") blocks.push({ type: "paragraph", inlines: [{ text: paragraph }] });
    current = null;
  };

  for (const line of lines) {
    if (line.trim() === "") flush();
    else current = current === null ? line : joinLines(current, line);
  }
  flush();
  return { version: 1, blocks };
}

/**
 * Two lines of one paragraph: kept apart by their newline, or joined when the break falls
 * inside Chinese text, with the spaces and tabs at the wrap dropped too. A line opening with an
 * ideographic space starts a new paragraph in Chinese plain text (indented 　　, often with no
 * blank line between), so it keeps its break.
 */
function joinLines(before: string, after: string): string {
  const end = before.replace(/[ \t]+$/, "");
  const start = after.replace(/^[ \t]+/, "");
  const last = Array.from(end.slice(-2)).pop() ?? "";
  if (start.startsWith("\u3000") || !breakJoinsWithoutSpace(last, start)) return `${before}\n${after}`;
  return end + start;
}
