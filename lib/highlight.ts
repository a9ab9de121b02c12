/**
 * Splits a text into runs for rendering highlighted mentions. Mentions may overlap or nest;
 * each run lists every mention that covers it, so the renderer can show all of them
 * without breaking the text apart twice. Offsets are code points (see anchor.ts).
 */

export interface HighlightRange {
  id: number;
  start: number;
  end: number;
}

export interface TextRun {
  text: string;
  start: number;
  end: number;
  /** Ids of the mentions covering this run, outermost (earliest start, longest) first. */
  ids: number[];
}

export function splitIntoRuns(text: string, ranges: readonly HighlightRange[]): TextRun[] {
  const points = Array.from(text);
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= points.length && r.start < r.end);
  const boundaries = new Set<number>([0, points.length]);
  for (const r of valid) {
    boundaries.add(r.start);
    boundaries.add(r.end);
  }
  const ordered = [...valid].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const cuts = [...boundaries].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (start === end) continue;
    const ids = ordered.filter((r) => r.start <= start && r.end >= end).map((r) => r.id);
    runs.push({ text: points.slice(start, end).join(""), start, end, ids });
  }
  return runs;
}
