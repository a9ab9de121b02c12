/**
 * What an annotation client does in the page to place a W3C Web Annotation's target, with the
 * libraries Hypothesis' client anchors with: `dom-anchor-text-position` turns text offsets
 * into a DOM Range (Hypothesis' TextPositionAnchor), and `approx-string-match` finds a quote
 * the way Hypothesis' matchQuote does (an approximate search for the exact words, each
 * candidate scored by how well its surroundings match the prefix and suffix). Bundled for the
 * page by e2e/annotation-anchoring.spec.ts; it runs in the browser only.
 */
import search from "approx-string-match";
import { fromRange, toRange } from "dom-anchor-text-position";

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}
interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}
export interface CssSelector {
  type: "CssSelector";
  value: string;
  refinedBy?: Selector | Selector[];
}
export type Selector = TextQuoteSelector | TextPositionSelector | CssSelector;

export interface Target {
  source: string;
  selector: Selector | Selector[];
}

/** Offsets in UTF-16 code units of a root's textContent, which is what the DOM counts. */
interface Span {
  start: number;
  end: number;
}

export interface Placement {
  /** The text of the range the position selector gives, within the refined element. */
  positionText: string | null;
  positionSpan: Span | null;
  /** Where the quote with its prefix and suffix is found within the refined element. */
  quoteText: string | null;
  quoteSpan: Span | null;
  /** Where the quote alone, over the whole page, is found, as offsets within the refined element. */
  pageQuoteSpan: Span | null;
  /** Text in the range that is neither the mention's highlight nor a block separator. */
  outsideHighlight: string[];
  /** Highlighted text of the mention that the range leaves out. */
  highlightLeftOut: string[];
  highlightCount: number;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The W3C Data Model counts Unicode code points (§4.2.4, "not in terms of code units"); the DOM
 * counts UTF-16 code units. Astral characters (emoji, CJK extension B) are one and two.
 */
function codePointsToUnits(text: string, codePoints: number): number {
  return Array.from(text).slice(0, codePoints).join("").length;
}

/** 1 for a perfect match of `expected` against `actual`, less for each edit it takes. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  const matches = search(actual, expected, expected.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / expected.length;
}

/** The best place for the quote in `text`, as an annotation client searches for it. */
function matchQuote(text: string, quote: TextQuoteSelector): Span | null {
  const candidates = search(text, quote.exact, Math.min(256, Math.floor(quote.exact.length / 2)));
  let best: { span: Span; score: number } | null = null;
  for (const candidate of candidates) {
    const prefix = quote.prefix ?? "";
    const suffix = quote.suffix ?? "";
    const score =
      50 * (1 - candidate.errors / quote.exact.length) +
      20 * similarity(prefix, text.slice(Math.max(0, candidate.start - prefix.length), candidate.start)) +
      20 * similarity(suffix, text.slice(candidate.end, candidate.end + suffix.length));
    if (!best || score > best.score) best = { span: { start: candidate.start, end: candidate.end }, score };
  }
  return best?.span ?? null;
}

/** Places one target in this page: the refined element, then its position and quote selectors. */
export function place(target: Target, mentionId: number): Placement {
  const selectors = list(target.selector);
  const css = selectors.find((s): s is CssSelector => s.type === "CssSelector");
  if (!css) throw new Error("no CssSelector on the target");
  const root = document.querySelector(css.value);
  if (!root) throw new Error(`no element matches ${css.value}`);
  const refinements = list(css.refinedBy);
  const position = refinements.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  const quote = refinements.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const text = root.textContent ?? "";

  let range: Range | null = null;
  let positionSpan: Span | null = null;
  if (position) {
    positionSpan = { start: codePointsToUnits(text, position.start), end: codePointsToUnits(text, position.end) };
    range = toRange(root, positionSpan);
  }
  const quoteSpan = quote ? matchQuote(text, quote) : null;
  const quoteText = quoteSpan ? toRange(root, quoteSpan).toString() : null;

  // The same quote over the whole page, as a client that ignores refinements would use it.
  const pageQuote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const pageSpan = pageQuote ? matchQuote(document.body.textContent ?? "", pageQuote) : null;
  const pageQuoteSpan = pageSpan ? fromRange(root, toRange(document.body, pageSpan)) : null;

  const marks = Array.from(root.querySelectorAll<HTMLElement>("mark[data-mention-ids]")).filter((m) => m.dataset.mentionIds!.split(" ").includes(String(mentionId)));
  const outsideHighlight: string[] = [];
  const highlightLeftOut: string[] = [];
  if (range) {
    // Each text node of the body, and the part of it the range covers.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const covered = range.intersectsNode(node);
      const from = covered && node === range.startContainer ? range.startOffset : 0;
      const to = !covered ? 0 : node === range.endContainer ? range.endOffset : node.length;
      const part = node.data.slice(from, to);
      const highlighted = marks.some((m) => m.contains(node));
      // A block separator: text between the blocks, in no block of the body.
      const separator = !root.contains(node.parentElement?.closest("[data-start]") ?? null);
      if (part !== "" && !highlighted && !separator) outsideHighlight.push(part);
      if (highlighted && part !== node.data) highlightLeftOut.push(node.data.slice(0, from) + node.data.slice(to));
    }
  }
  return { positionText: range?.toString() ?? null, positionSpan, quoteText, quoteSpan, pageQuoteSpan, outsideHighlight, highlightLeftOut, highlightCount: marks.length };
}
