// @ts-check
/**
 * Which interface language a request gets. Plain JavaScript because the production server
 * (server/cacheable.mjs, run by Node without a build) needs the same answer as proxy.ts.
 *
 * The URL decides what a page is: English has no `lang` parameter (or `lang=en`), Chinese has
 * `lang=zh-Hans`. So a shared cache, a search engine or a shared link sees one language per URL.
 * A visitor's preference (the switch's cookie, else Accept-Language) only picks where a URL
 * without `lang` sends them (proxy.ts redirects a Chinese-preferring visitor to `?lang=zh-Hans`).
 */
import Negotiator from "negotiator";
import { match } from "@formatjs/intl-localematcher";

/** @typedef {"en" | "zh-Hans"} Locale */

/** @type {readonly Locale[]} */
export const LOCALES = ["en", "zh-Hans"];
/** @type {Locale} */
export const DEFAULT_LOCALE = "en";
/** The query parameter that names a page's language. */
export const LOCALE_PARAM = "lang";
/** The cookie the language switch sets: an explicit choice, kept a year. */
export const LOCALE_COOKIE = "claimline-lang";
/** Set by proxy.ts on the request for i18n/request.ts; never trusted from the client (overwritten). */
export const LOCALE_HEADER = "x-claimline-locale";

/**
 * A locale from a parameter or cookie value: exactly one of LOCALES, case-insensitive, else null.
 * @param {string | null | undefined} value
 * @returns {Locale | null}
 */
export function parseLocale(value) {
  if (!value) return null;
  const lower = value.toLowerCase();
  return LOCALES.find((locale) => locale.toLowerCase() === lower) ?? null;
}

/**
 * The best of LOCALES for an Accept-Language header. Any Chinese (zh, zh-CN, zh-TW, zh-Hant…)
 * maps to zh-Hans: the only Chinese interface, and closer for a Chinese reader than English.
 * @param {string | null | undefined} acceptLanguage
 * @returns {Locale}
 */
export function negotiateLocale(acceptLanguage) {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } })
    .languages()
    .map((tag) => (/^zh(?:-|$)/i.test(tag) ? "zh-Hans" : tag))
    .filter((tag) => tag !== "*" && isWellFormed(tag));
  if (requested.length === 0) return DEFAULT_LOCALE;
  return /** @type {Locale} */ (match(requested, LOCALES, DEFAULT_LOCALE));
}

/** @param {string} tag */
function isWellFormed(tag) {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The visitor's preference: the switch's cookie when they made a choice, else their browser's.
 * @param {string | null | undefined} cookieHeader the raw Cookie header
 * @param {string | null | undefined} acceptLanguage
 * @returns {Locale}
 */
export function preferredLocale(cookieHeader, acceptLanguage) {
  return chosenLocale(cookieHeader) ?? negotiateLocale(acceptLanguage);
}

/**
 * @param {string | null | undefined} cookieHeader
 * @returns {Locale | null}
 */
export function chosenLocale(cookieHeader) {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === LOCALE_COOKIE) return parseLocale(part.slice(at + 1).trim());
  }
  return null;
}

/**
 * The language a URL names: its `lang` parameter when valid, else the default.
 * @param {URLSearchParams} searchParams
 * @returns {Locale}
 */
export function localeOfUrl(searchParams) {
  return parseLocale(searchParams.get(LOCALE_PARAM)) ?? DEFAULT_LOCALE;
}
