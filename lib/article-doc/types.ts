/**
 * The article document model. Every body (plain text, Markdown or HTML) is turned into this
 * list of blocks on the server; the reader and the workbench render it with React (never
 * with innerHTML), and mention anchors index into its rendered text (see text.ts), so the
 * server and the browser agree on every offset.
 */

/** A run of text with its marks. `href` is only ever an http(s) or mailto URL. */
export interface Inline {
  text: string;
  bold?: true;
  italic?: true;
  code?: true;
  href?: string;
}

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { type: "paragraph"; inlines: Inline[] }
  | { type: "quote"; inlines: Inline[] }
  | { type: "list-item"; ordered: boolean; inlines: Inline[] }
  /** Images carry no text: they never shift an offset. `src` is http(s) only. */
  | { type: "image"; src: string; alt: string };

export interface ArticleDoc {
  version: 1;
  blocks: Block[];
}

export const BODY_FORMATS = ["plain", "markdown", "html"] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** Text blocks are separated by this in the rendered text. */
export const BLOCK_SEPARATOR = "\n\n";
