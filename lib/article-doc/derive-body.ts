import { detectLanguage } from "./detect-language";
import { docText, parseBody } from "./index";
import { assertHtmlWithinLimits } from "./parse-limits";
import { sanitizeArticleHtml } from "./sanitize";
import type { ArticleDoc, BodyFormat } from "./types";

export interface DerivedBody {
  /** What is stored as the body: HTML is kept only in its sanitized form, so no later export can leak a script. */
  body: string;
  bodyDoc: ArticleDoc;
  bodyText: string;
}

/**
 * The stored body, document and rendered text that every save derives from the body the
 * editor supplied. A body nested too deeply to parse safely is refused first, by a linear
 * scan (Markdown by docFromMarkdown itself, before and after marked renders it).
 */
export function deriveBody(body: string, format: BodyFormat): DerivedBody {
  if (format === "html") assertHtmlWithinLimits(body);
  const stored = format === "html" ? sanitizeArticleHtml(body) : body;
  const bodyDoc = parseBody(stored, format);
  return { body: stored, bodyDoc, bodyText: docText(bodyDoc) };
}

/** The article's language: the editor's choice, else detected from its rendered text. */
export function resolveLanguage(given: string | null, bodyText: string): string {
  return given ?? detectLanguage(bodyText);
}

/** Everything an article's row takes from its body: the derived body and the language. */
export type DerivedArticleBody = DerivedBody & { language: string };

/**
 * On the calling thread: requests run this in a worker (db/articles/derive-body.ts), seed and
 * backfill scripts here. Language detection reads the whole text, so it belongs with the parse.
 */
export function deriveArticleBody(input: { body: string; bodyFormat: BodyFormat; language: string | null }): DerivedArticleBody {
  const derived = deriveBody(input.body, input.bodyFormat);
  return { ...derived, language: resolveLanguage(input.language, derived.bodyText) };
}
