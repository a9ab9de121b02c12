import "server-only";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { codePointLength } from "../anchor";
import { detectLanguage, languageFromDeclared } from "../article-doc/detect-language";
import { docFromHtml } from "../article-doc/from-html";
import { assertHtmlWithinLimits, quickLook } from "../article-doc/parse-limits";
import { sanitizeArticleHtml } from "../article-doc/sanitize";
import type { ArticleDoc } from "../article-doc/types";
import { ValidationError } from "../errors";
import { IntakeError } from "./intake-error";
import { isoDayOf, readPageMetadata } from "./page-metadata";

export interface ExtractedArticle {
  sourceUrl: string;
  title: string;
  byline: string | null;
  outlet: string | null;
  /** YYYY-MM-DD, or null when the page does not say. */
  publishedDate: string | null;
  /** BCP 47 tag, e.g. "zh-Hans". */
  language: string;
  /** Readability's article HTML, sanitized, with absolute link and image URLs. */
  html: string;
}

/**
 * Readability always returns its best candidate, even on a page that is only a menu.
 * Link text does not count towards this (a menu is all links); a short news brief still passes.
 */
const MIN_ARTICLE_CHARACTERS = 50;

function proseLength(doc: ArticleDoc): number {
  let length = 0;
  for (const block of doc.blocks) {
    if (block.type === "image" || block.type === "heading") continue;
    for (const inline of block.inlines) if (!inline.href) length += codePointLength(inline.text.trim());
  }
  return length;
}

function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  // linkedom makes a bare fragment's first element the root; Readability needs <html><body>.
  if (document.documentElement?.localName === "html") return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

/**
 * Readability resolves relative links and images against document.baseURI, which linkedom
 * takes from the first <base href> verbatim; so that element must hold an absolute URL.
 */
function setBaseUrl(document: Document, pageUrl: URL) {
  let base = document.querySelector("base[href]");
  let href = pageUrl.href;
  try {
    if (base) href = new URL(base.getAttribute("href") ?? "", pageUrl).href;
  } catch {
    // An unusable <base> is ignored by browsers too.
  }
  if (!base) {
    base = document.createElement("base");
    const head = document.head ?? document.documentElement;
    head.insertBefore(base, head.firstChild);
  }
  base.setAttribute("href", href);
}

function oneLine(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

/**
 * Refuses, before linkedom and Readability (which recurse) see it, a page nested too deeply;
 * `whole: false` looks at the page's start only, on the request thread (see quickLook).
 */
export function assertPageWithinLimits(html: string, { whole } = { whole: true }) {
  try {
    if (whole) assertHtmlWithinLimits(html, "This page");
    else quickLook(html, "html", "This page");
  } catch (error) {
    if (error instanceof ValidationError) throw new IntakeError("too_complex", error.message);
    throw error;
  }
}

/** Runs in the parse worker for URL imports (db/intake/fetch-article.ts). */
export function extractArticle(html: string, pageUrl: URL): ExtractedArticle {
  assertPageWithinLimits(html);
  const document = parsePage(html);
  setBaseUrl(document, pageUrl);
  const metadata = readPageMetadata(document);
  const titleElement = oneLine(document.querySelector("title")?.textContent);

  const article = new Readability(document).parse();
  const content = sanitizeArticleHtml(article?.content ?? "");
  const doc = docFromHtml(content);
  if (proseLength(doc) < MIN_ARTICLE_CHARACTERS) {
    throw new IntakeError("nothing_extractable", "That page has no article text Claimline could find.");
  }
  const text = article?.textContent ?? "";
  return {
    sourceUrl: pageUrl.href,
    title: oneLine(article?.title) ?? titleElement ?? pageUrl.hostname,
    byline: oneLine(article?.byline) ?? oneLine(metadata.author),
    outlet: oneLine(metadata.siteName) ?? oneLine(article?.siteName),
    publishedDate: metadata.publishedDate ?? isoDayOf(article?.publishedTime),
    language: languageFromDeclared(metadata.declaredLanguage, text) ?? detectLanguage(text),
    html: content,
  };
}
