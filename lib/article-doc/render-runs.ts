import { codePointLength } from "../anchor";
import type { HighlightRange } from "../highlight";
import { layoutDoc } from "./text";
import type { ArticleDoc, Block, Inline } from "./types";

/** A piece of a block's text with one set of marks and one set of covering mentions. */
export interface RenderRun {
  text: string;
  /** Code point offset in the article's rendered text. */
  start: number;
  end: number;
  marks: Omit<Inline, "text">;
  /** Mentions covering this run, outermost first. */
  mentionIds: number[];
}

export interface RenderBlock {
  index: number;
  block: Block;
  start: number;
  end: number;
  runs: RenderRun[];
  /** Mentions that end inside this block (their status marker is drawn after their last run). */
  endingMentionIds: number[];
}

/**
 * Lays out the document for rendering with highlighted mentions: every text block is cut
 * wherever an inline mark or a mention starts or ends, so overlapping and nested mentions
 * render as flat runs that each know every mention covering them. Offsets are those of
 * docText, which is what mentions are anchored to.
 */
export function renderRuns(doc: ArticleDoc, mentions: readonly HighlightRange[]): RenderBlock[] {
  const ordered = [...mentions].filter((m) => m.start < m.end).sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  return layoutDoc(doc).map(({ block, index, start, end }) => {
    if (block.type === "image") return { index, block, start, end, runs: [], endingMentionIds: [] };
    const inBlock = ordered.filter((m) => m.start < end && m.end > start);
    const runs: RenderRun[] = [];
    let inlineStart = start;
    for (const inline of block.inlines) {
      const inlineEnd = inlineStart + codePointLength(inline.text);
      const cuts = new Set<number>([inlineStart, inlineEnd]);
      for (const m of inBlock) {
        if (m.start > inlineStart && m.start < inlineEnd) cuts.add(m.start);
        if (m.end > inlineStart && m.end < inlineEnd) cuts.add(m.end);
      }
      const points = Array.from(inline.text);
      const sorted = [...cuts].sort((a, b) => a - b);
      const { text: _text, ...marks } = inline;
      for (let i = 0; i < sorted.length - 1; i++) {
        const runStart = sorted[i]!;
        const runEnd = sorted[i + 1]!;
        if (runStart === runEnd) continue;
        runs.push({
          text: points.slice(runStart - inlineStart, runEnd - inlineStart).join(""),
          start: runStart,
          end: runEnd,
          marks,
          mentionIds: inBlock.filter((m) => m.start <= runStart && m.end >= runEnd).map((m) => m.id),
        });
      }
      inlineStart = inlineEnd;
    }
    const endingMentionIds = inBlock.filter((m) => m.end > start && m.end <= end).map((m) => m.id);
    return { index, block, start, end, runs, endingMentionIds };
  });
}
