import type { ArticleDoc, Block } from "./types";

/**
 * Plain text becomes one paragraph per run of non-blank lines. Single newlines inside a
 * paragraph are kept (poems, addresses, quoted dialogue), so a text whose paragraphs are
 * already separated by exactly one blank line renders back to itself and its anchors hold.
 */
export function docFromPlain(text: string): ArticleDoc {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let current: string[] = [];

  const flush = () => {
    const paragraph = current.join("\n").trim();
    if (paragraph !== "") blocks.push({ type: "paragraph", inlines: [{ text: paragraph }] });
    current = [];
  };

  for (const line of lines) {
    if (line.trim() === "") flush();
    else current.push(line);
  }
  flush();
  return { version: 1, blocks };
}
