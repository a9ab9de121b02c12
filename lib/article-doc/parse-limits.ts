import { Parser } from "htmlparser2";
import { ValidationError } from "../errors";

/**
 * Cheap, linear checks that run before any HTML or Markdown is really parsed. The parsers
 * behind Claimline (Readability on linkedom, sanitize-html, marked, the block walker) recurse
 * or keep per-element stacks, so a page of a few kilobytes nested thousands deep can hold the
 * server for minutes or overflow the stack. Each check stops reading as soon as a limit is
 * passed, which keeps its own cost bounded by the limit too.
 */

/**
 * Real news pages nest well under 60 elements deep (WeChat exports, the deepest we import,
 * under 40), so 200 never refuses a real page while keeping every recursive step far from
 * the stack limit. The sanitizer already unwraps anything past 100 levels (sanitize.ts).
 */
export const MAX_HTML_DEPTH = 200;

/**
 * A long news page has a few thousand elements, a very long one (a live blog, a WeChat
 * export full of styled spans) a few tens of thousands. Past this, extraction time grows
 * with nothing gained; the body size limits bound it too, this bounds the work per byte.
 */
export const MAX_HTML_ELEMENTS = 200_000;

/**
 * Quotes and lists in hand-written Markdown nest a handful deep; so does emphasis. marked
 * recurses per level (100,000 nested ">" overflow its stack; 2,000 already do) and its
 * emphasis matching grows quadratically with nesting, so both are held to 50. Rendered, 50
 * list levels are 100 elements (<ul><li>), well within MAX_HTML_DEPTH.
 */
export const MAX_MARKDOWN_DEPTH = 50;

/** Who the message talks about: "This page" for imports, "This body" for pastes. */
export type Subject = "This page" | "This body";

class LimitPassed extends Error {}

/**
 * Refuses HTML nested deeper than MAX_HTML_DEPTH or with more than MAX_HTML_ELEMENTS elements.
 * Depth is counted as htmlparser2 (the parser under linkedom and sanitize-html) builds the
 * tree: void elements (<br>, <img>) hold nothing, and an unclosed <p> or <li> is closed by
 * the next one, so old hand-written HTML is not mistaken for deep nesting. Counting stops at
 * the limit, so the parser's own stack never grows past it (its push and pop cost grows with depth).
 */
export function assertHtmlWithinLimits(html: string, subject: Subject = "This body"): void {
  let depth = 0;
  let elements = 0;
  let passed: "depth" | "elements" | null = null;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        elements++;
        if (depth > MAX_HTML_DEPTH) passed = "depth";
        else if (elements > MAX_HTML_ELEMENTS) passed = "elements";
        if (passed) throw new LimitPassed();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof LimitPassed)) throw error;
  }
  if (passed === "depth") {
    throw new ValidationError(
      `${subject} nests its elements more than ${MAX_HTML_DEPTH} levels deep; Claimline reads at most ${MAX_HTML_DEPTH}. Real articles nest far less: this is usually broken or machine-made markup.`,
      { body: `Nested more than ${MAX_HTML_DEPTH} levels deep.` },
    );
  }
  if (passed === "elements") {
    throw new ValidationError(
      `${subject} has more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} HTML elements; Claimline reads at most ${MAX_HTML_ELEMENTS.toLocaleString("en")}. Import or paste the article alone, without the rest of the page.`,
      { body: `More than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements.` },
    );
  }
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * How deeply one line's quotes and list items nest, as an upper bound: every ">" and list
 * marker before the text opens a level, and so does every two columns of indentation in
 * front of them (a nested list item sits at least two columns further in than its parent).
 * A line with no marker opens nothing: it continues whatever the lines above opened.
 * Counting stops once past `limit`.
 */
function containerDepth(line: string, limit: number): number {
  let markers = 0;
  let indent = 0;
  let at = 0;
  while (markers + Math.floor(indent / 2) <= limit) {
    let space = 0;
    while (at < line.length && (line[at] === " " || line[at] === "\t")) space += line[at++] === "\t" ? 4 : 1;
    // The one space after a marker belongs to it ("> quote", "- item"); only more indents.
    indent += markers > 0 ? Math.max(0, space - 1) : space;
    if (line[at] === ">") {
      markers++;
      at++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(at, at + 11));
    if (!marker) break;
    markers++;
    at += marker[0].length;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

const DELIMITER_RUN = /[*_~]+/g;

/**
 * An upper bound on how deeply emphasis nests, carried through a paragraph line by line: a
 * run of *, _ or ~ that can open (followed by a non-space) adds its length, one that can
 * only close (after a non-space, before a space or the end) takes it away. "**bold** and
 * *this*" stays at 2. Returns the depth at the end of the line, or Infinity once past `limit`.
 */
function emphasisDepth(line: string, depth: number, limit: number): number {
  for (const run of line.matchAll(DELIMITER_RUN)) {
    const before = line[run.index - 1] ?? " ";
    const after = line[run.index + run[0].length] ?? " ";
    const opens = !/\s/.test(after);
    const closes = !/\s/.test(before);
    if (opens && !closes) depth += run[0].length;
    else if (closes && !opens) depth = Math.max(0, depth - run[0].length);
    if (depth > limit) return Infinity;
  }
  return depth;
}

/**
 * Refuses Markdown whose quotes and lists, or emphasis, nest deeper than MAX_MARKDOWN_DEPTH,
 * before marked sees it. Raw HTML inside Markdown is checked after rendering, on the HTML path.
 */
export function assertMarkdownWithinLimits(markdown: string, subject: Subject = "This body"): void {
  let emphasis = 0;
  for (const line of markdown.split(/\r\n?|\n/)) {
    if (containerDepth(line, MAX_MARKDOWN_DEPTH) > MAX_MARKDOWN_DEPTH) {
      throw new ValidationError(`${subject} nests quotes or lists more than ${MAX_MARKDOWN_DEPTH} levels deep; Claimline reads Markdown nested at most ${MAX_MARKDOWN_DEPTH} deep.`, {
        body: `Quotes or lists nested more than ${MAX_MARKDOWN_DEPTH} levels deep.`,
      });
    }
    // A blank line ends the paragraph, and any emphasis left open in it.
    emphasis = line.trim() === "" ? 0 : emphasisDepth(line, emphasis, MAX_MARKDOWN_DEPTH);
    if (emphasis > MAX_MARKDOWN_DEPTH) {
      throw new ValidationError(`${subject} nests emphasis (*, _ or ~) more than ${MAX_MARKDOWN_DEPTH} levels deep; Claimline reads Markdown nested at most ${MAX_MARKDOWN_DEPTH} deep.`, {
        body: `Emphasis nested more than ${MAX_MARKDOWN_DEPTH} levels deep.`,
      });
    }
  }
}

/**
 * How much of a body or page the request thread scans itself before handing it to a worker:
 * a few milliseconds' worth. Nesting built to stall a parser shows in the first kilobytes
 * (the checks stop at the limit), so such input is refused at once, without waiting for a
 * worker to start; the worker scans all of it before parsing.
 */
export const QUICK_LOOK_CHARS = 64 * 1024;

export function quickLook(text: string, format: "html" | "markdown", subject: Subject = "This body"): void {
  const start = text.length > QUICK_LOOK_CHARS ? text.slice(0, QUICK_LOOK_CHARS) : text;
  if (format === "html") assertHtmlWithinLimits(start, subject);
  else assertMarkdownWithinLimits(start, subject);
}
