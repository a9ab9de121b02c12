import "server-only";
import { detectLanguage } from "../../lib/article-doc/detect-language";
import { docText, parseBody } from "../../lib/article-doc";
import { sanitizeArticleHtml } from "../../lib/article-doc/sanitize";
import type { ArticleDoc, BodyFormat } from "../../lib/article-doc/types";

export interface DerivedBody {
  /** What is stored as the body: HTML is kept only in its sanitized form, so no later export can leak a script. */
  body: string;
  bodyDoc: ArticleDoc;
  bodyText: string;
}

/** The stored body, document and rendered text that every save derives from the body the editor supplied. */
export function deriveBody(body: string, format: BodyFormat): DerivedBody {
  const stored = format === "html" ? sanitizeArticleHtml(body) : body;
  const bodyDoc = parseBody(stored, format);
  return { body: stored, bodyDoc, bodyText: docText(bodyDoc) };
}

/** The article's language: the editor's choice, else detected from its rendered text. */
export function resolveLanguage(given: string | null, bodyText: string): string {
  return given ?? detectLanguage(bodyText);
}
