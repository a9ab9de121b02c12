import { docFromHtml } from "./from-html";
import { docFromMarkdown } from "./from-markdown";
import { docFromPlain } from "./from-plain";
import type { ArticleDoc, BodyFormat } from "./types";

export { docFromHtml } from "./from-html";
export { docFromMarkdown } from "./from-markdown";
export { docFromPlain } from "./from-plain";
export { type BlockLayout, blockText, docText, layoutDoc } from "./text";
export * from "./types";

/** Turns a stored body into the document the reader renders and anchors index into. */
export function parseBody(body: string, format: BodyFormat): ArticleDoc {
  switch (format) {
    case "plain":
      return docFromPlain(body);
    case "markdown":
      return docFromMarkdown(body);
    case "html":
      return docFromHtml(body);
    default: {
      const unknown: never = format;
      throw new Error(`Unknown body format: ${String(unknown)}`);
    }
  }
}
