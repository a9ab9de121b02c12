import { DEFAULT_LOCALE, LOCALE_PARAM, type Locale } from "./locale-choice.mjs";

/**
 * An internal link that stays in the page's language: `/articles` → `/articles?lang=zh-Hans`
 * in Chinese, unchanged in English (its URLs have no parameter). External links, fragments and
 * links that already name a language are left alone.
 */
export function withLocale(href: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return href;
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const hashAt = href.indexOf("#");
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : href.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : beforeHash.slice(queryAt + 1));
  if (params.has(LOCALE_PARAM)) return href;
  params.set(LOCALE_PARAM, locale);
  return `${path}?${params.toString()}${hash}`;
}
