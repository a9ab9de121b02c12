import { Marked } from "marked";
import { docFromHtml } from "./from-html";
import { assertHtmlWithinLimits, assertMarkdownWithinLimits } from "./parse-limits";
import type { ArticleDoc } from "./types";

// A private instance: extensions someone registers on the global `marked` must not change how bodies parse.
const markdown = new Marked({ gfm: true, async: false });

/**
 * Markdown renders to HTML and then takes the HTML path, so raw HTML written inside the
 * Markdown meets the same sanitizer and the same walker as an HTML body.
 */
export function docFromMarkdown(md: string): ArticleDoc {
  assertMarkdownWithinLimits(md);
  const html = markdown.parse(md.replace(/\r\n?/g, "\n"), { async: false });
  // Raw HTML written in the Markdown passes through marked untouched: its nesting is checked here.
  assertHtmlWithinLimits(html);
  return docFromHtml(html);
}
