import { breakJoinsWithoutSpace } from "./segment-break";
import type { Inline } from "./types";

/** The marks an inline can carry; everything on Inline except its text. */
export type Marks = Omit<Inline, "text">;

/**
 * A piece of a block's content as the HTML walker met it, before whitespace is settled:
 * "text" collapses like HTML text, "break" is a <br>, "preformatted" (inside <pre>) is kept verbatim.
 */
export type Run =
  | { kind: "text"; text: string; marks: Marks }
  | { kind: "break"; marks: Marks }
  | { kind: "preformatted"; text: string; marks: Marks };

/** HTML collapses only ASCII whitespace; no-break and ideographic spaces are real characters. */
const HTML_WHITESPACE = /[ \t\n\r\f]+/;
const HTML_WHITESPACE_RUNS = /([ \t\n\r\f]+)/;

function sameMarks(a: Marks, b: Marks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

function inline(text: string, marks: Marks): Inline {
  const result: Inline = { text };
  if (marks.bold) result.bold = true;
  if (marks.italic) result.italic = true;
  if (marks.code) result.code = true;
  if (marks.href) result.href = marks.href;
  return result;
}

/** The last character of the text emitted so far ("" at the start); two code units hold any astral one. */
function lastCharacter(out: Inline[]): string {
  return Array.from(out[out.length - 1]?.text.slice(-2) ?? "").pop() ?? "";
}

/**
 * Settles a block's runs into inlines the way a browser lays out text: whitespace runs
 * become one space even across element boundaries ("<b>a </b> b" is "a b"), spaces next
 * to a <br> vanish, the block is trimmed at both ends, and neighbours with identical marks
 * merge. A whitespace run holding a line break between Chinese characters (or a figure and
 * one, or next to full-width punctuation) vanishes instead, as CSS Text 3 has it
 * (segment-break.ts): "270\n亿美元" is "270亿美元". Returns [] when nothing visible is left.
 */
export function settleRuns(runs: Run[]): Inline[] {
  const out: Inline[] = [];
  const emit = (text: string, marks: Marks) => {
    const last = out[out.length - 1];
    if (last && sameMarks(last, marks)) last.text += text;
    else out.push(inline(text, marks));
  };

  let atLineStart = true;
  let pendingSpace: Marks | null = null;
  // Whether the pending whitespace holds a line break (a CSS "segment break"), which may vanish.
  let pendingBreak = false;
  for (const run of runs) {
    if (run.kind === "break") {
      pendingSpace = null;
      pendingBreak = false;
      emit("\n", run.marks);
      atLineStart = true;
    } else if (run.kind === "preformatted") {
      if (pendingSpace) emit(" ", pendingSpace);
      pendingSpace = null;
      pendingBreak = false;
      emit(run.text.replace(/\r\n?/g, "\n"), run.marks);
      atLineStart = run.text.endsWith("\n");
    } else {
      for (const part of run.text.split(HTML_WHITESPACE_RUNS)) {
        if (part === "") continue;
        if (HTML_WHITESPACE.test(part)) {
          if (!atLineStart && !pendingSpace) pendingSpace = run.marks;
          if (!atLineStart && /[\n\r]/.test(part)) pendingBreak = true;
          continue;
        }
        if (pendingSpace && !(pendingBreak && breakJoinsWithoutSpace(lastCharacter(out), part))) emit(" ", pendingSpace);
        pendingSpace = null;
        pendingBreak = false;
        emit(part, run.marks);
        atLineStart = false;
      }
    }
  }
  return trimEnds(out);
}

/** Trims the block as a whole (no-break and ideographic spaces too: indentation, not content). */
function trimEnds(inlines: Inline[]): Inline[] {
  const result = inlines.map((item) => ({ ...item }));
  while (result.length > 0) {
    result[0]!.text = result[0]!.text.trimStart();
    if (result[0]!.text !== "") break;
    result.shift();
  }
  while (result.length > 0) {
    const last = result[result.length - 1]!;
    last.text = last.text.trimEnd();
    if (last.text !== "") break;
    result.pop();
  }
  return result;
}
