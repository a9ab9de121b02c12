import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_HEADER, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { loadMessages } from "@/messages/catalogue";

/**
 * next-intl without its URL routing: proxy.ts decides the locale from the URL's `lang`
 * parameter and hands it over in a request header (see lib/i18n/locale-choice.mjs for why the
 * URL decides). Route handlers outside the proxy (API, feeds) fall back to English.
 */
export default getRequestConfig(async () => {
  const locale = parseLocale((await headers()).get(LOCALE_HEADER)) ?? DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
