import type { BodyFormat } from "./types";

/**
 * Which format a pasted article body is in, so the editor does not have to say: HTML when it
 * is made of tags, Markdown when it uses Markdown's marks (a WeChat or Markdown export is),
 * else plain text. Only a guess to show and preselect; the editor can always change it.
 */

/** Tags a news page or a WeChat export is built from; a stray "<" in prose ("a < b") is none. */
const HTML_TAG = /<\/?(?:p|div|br|hr|h[1-6]|section|article|span|img|a|ul|ol|li|blockquote|strong|em|b|i|u|table|tr|td|html|body|head|figure|figcaption|pre|code)\b[^<>]*>/gi;

/** One of these is Markdown on its own: nobody types them in prose. */
const STRONG_MARKDOWN = [
  /^#{1,6}[ \t]+\S/m, // ATX heading
  /!?\[[^\]\n]+\]\([^)\s]+[^)]*\)/, // link or image
  /^```/m, // code fence
  /\*\*[^*\n]+\*\*|__[^_\n]+__/, // bold
  /^\S.*\n(?:=+|-{2,})[ \t]*$/m, // setext heading
];

/** These need company: one line starting "- " or "1. " is still prose. */
const WEAK_MARKDOWN_LINE = /^(?:[ \t]*(?:[-*+][ \t]+\S|\d{1,3}[.)][ \t]+\S)|>[ \t]?\S|(?:-{3,}|\*{3,}|_{3,})[ \t]*$)/;

export function detectBodyFormat(text: string): BodyFormat {
  const body = text.trim();
  if (!body) return "plain";
  const tags = body.match(HTML_TAG)?.length ?? 0;
  if (tags >= 2 || (tags === 1 && body.startsWith("<"))) return "html";
  if (STRONG_MARKDOWN.some((pattern) => pattern.test(body))) return "markdown";
  const weak = body.split("\n").filter((line) => WEAK_MARKDOWN_LINE.test(line)).length;
  return weak >= 2 ? "markdown" : "plain";
}

export const BODY_FORMAT_NAMES: Record<BodyFormat, string> = { plain: "Plain text", markdown: "Markdown", html: "HTML" };
