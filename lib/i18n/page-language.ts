import { chosenLocale, DEFAULT_LOCALE, LOCALE_PARAM, negotiateLocale, parseLocale, type Locale } from "./locale-choice.mjs";

export type PageLanguage =
  | { kind: "serve"; locale: Locale }
  /** The URL names no language and the visitor prefers another one: send them to its URL. */
  | { kind: "redirect"; locale: Locale };

/**
 * What proxy.ts does with a page request's language. A `lang` parameter decides; without one,
 * a page load (GET/HEAD) by a visitor who prefers Chinese is redirected to the Chinese URL,
 * so that the URL without `lang` is English for everyone (one page per URL for caches).
 * Form posts (server actions) are never redirected: they answer in the language of the page
 * they were posted from, or the visitor's preference.
 */
export function pageLanguage(input: { method: string; searchParams: URLSearchParams; cookie: string | null; acceptLanguage: string | null }): PageLanguage {
  const named = parseLocale(input.searchParams.get(LOCALE_PARAM));
  if (named) return { kind: "serve", locale: named };
  const preferred = chosenLocale(input.cookie) ?? negotiateLocale(input.acceptLanguage);
  if (preferred === DEFAULT_LOCALE) return { kind: "serve", locale: DEFAULT_LOCALE };
  if (input.method === "GET" || input.method === "HEAD") return { kind: "redirect", locale: preferred };
  return { kind: "serve", locale: preferred };
}
