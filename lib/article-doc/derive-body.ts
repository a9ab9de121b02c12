import { docText, parseBody } from "./index";
import { assertHtmlWithinLimits, assertMarkdownWithinLimits } from "./parse-limits";
import { sanitizeArticleHtml } from "./sanitize";
import type { ArticleDoc, BodyFormat } from "./types";

export interface DerivedBody {
  /** What is stored as the body: HTML is kept only in its sanitized form, so no later export can leak a script. */
  body: string;
  bodyDoc: ArticleDoc;
  bodyText: string;
}

/** Refuses, with a message for the editor, a body too deeply nested to parse safely; cheap and linear. */
export function assertBodyWithinLimits(body: string, format: BodyFormat): void {
  if (format === "html") assertHtmlWithinLimits(body);
  if (format === "markdown") assertMarkdownWithinLimits(body);
}

/**
 * The stored body, document and rendered text that every save derives from the body the
 * editor supplied, on the calling thread. Requests derive off it (db/articles/derive-body.ts);
 * this is for the worker doing that and for scripts (seed, backfill).
 */
export function deriveBody(body: string, format: BodyFormat): DerivedBody {
  // Markdown is checked by docFromMarkdown itself, before and after marked renders it.
  if (format === "html") assertHtmlWithinLimits(body);
  const stored = format === "html" ? sanitizeArticleHtml(body) : body;
  const bodyDoc = parseBody(stored, format);
  return { body: stored, bodyDoc, bodyText: docText(bodyDoc) };
}
