import type { ChildNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { type Marks, type Run, settleRuns } from "./inline-runs";
import { IMAGE_SCHEMES, LINK_SCHEMES, safeUrl, sanitizeArticleHtml } from "./sanitize";
import type { ArticleDoc, Block } from "./types";

type TextBlockKind =
  | { type: "paragraph" }
  | { type: "quote" }
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6 }
  | { type: "list-item"; ordered: boolean };

interface Context {
  /** What a run of text at this depth becomes; the innermost block element decides. */
  kind: TextBlockKind;
  marks: Marks;
  /** Whether an <li> here belongs to an <ol>. */
  orderedList: boolean;
  preformatted: boolean;
}

/**
 * Elements that start and end a block of their own. Everything else allowed by the
 * sanitizer (span, a, strong, ...) is inline and only adds marks, so a WeChat-style
 * <section> holding nothing but spans reads as one paragraph, while a <section> holding
 * <p>s simply lets them through.
 */
const BLOCK_ELEMENTS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption",
  "center", "details", "summary", "address", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
  "h1", "h2", "h3", "h4", "h5", "h6",
]);

class DocBuilder {
  readonly blocks: Block[] = [];
  private runs: Run[] = [];
  private kind: TextBlockKind = { type: "paragraph" };

  add(run: Run, kind: TextBlockKind) {
    if (this.runs.length === 0) this.kind = kind;
    this.runs.push(run);
  }

  image(src: string, alt: string) {
    this.flush();
    this.blocks.push({ type: "image", src, alt });
  }

  /** Ends the block being collected; a block with no visible text is dropped. */
  flush() {
    const inlines = settleRuns(this.runs);
    this.runs = [];
    if (inlines.length > 0) this.blocks.push({ ...this.kind, inlines });
  }
}

function childContext(element: Element, ctx: Context): Context {
  const name = element.name;
  const heading = /^h([1-6])$/.exec(name);
  if (heading) return { ...ctx, kind: { type: "heading", level: Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6 } };
  switch (name) {
    case "blockquote":
      return { ...ctx, kind: { type: "quote" } };
    case "ul":
    case "ol":
      return { ...ctx, orderedList: name === "ol" };
    case "li":
      return { ...ctx, kind: { type: "list-item", ordered: ctx.orderedList } };
    case "pre":
      return { ...ctx, preformatted: true, marks: { ...ctx.marks, code: true } };
    case "strong":
    case "b":
      return { ...ctx, marks: { ...ctx.marks, bold: true } };
    case "em":
    case "i":
      return { ...ctx, marks: { ...ctx.marks, italic: true } };
    case "code":
    case "kbd":
    case "samp":
      return { ...ctx, marks: { ...ctx.marks, code: true } };
    case "a":
      return { ...ctx, marks: { ...ctx.marks, href: safeUrl(element.attribs.href, LINK_SCHEMES) } };
    default:
      return ctx;
  }
}

function walk(nodes: ChildNode[], ctx: Context, builder: DocBuilder) {
  for (const node of nodes) {
    if (isText(node)) {
      builder.add({ kind: ctx.preformatted ? "preformatted" : "text", text: node.data, marks: ctx.marks }, ctx.kind);
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (name === "br") {
      builder.add({ kind: "break", marks: ctx.marks }, ctx.kind);
    } else if (name === "img") {
      const src = safeUrl(node.attribs.src, IMAGE_SCHEMES);
      if (src) builder.image(src, (node.attribs.alt ?? "").replace(/\s+/g, " ").trim());
    } else if (name === "hr") {
      builder.flush();
    } else if (BLOCK_ELEMENTS.has(name)) {
      builder.flush();
      walk(node.children, childContext(node, ctx), builder);
      builder.flush();
    } else {
      walk(node.children, childContext(node, ctx), builder);
    }
  }
}

/** Sanitizes an HTML body and turns it into blocks; the HTML itself is never rendered. */
export function docFromHtml(html: string): ArticleDoc {
  const dom = parseDocument(sanitizeArticleHtml(html));
  const builder = new DocBuilder();
  walk(dom.children, { kind: { type: "paragraph" }, marks: {}, orderedList: false, preformatted: false }, builder);
  builder.flush();
  return { version: 1, blocks: builder.blocks };
}
