import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/content-security-policy";
import { LOCALE_HEADER, LOCALE_PARAM, LOCALES, type Locale } from "./lib/i18n/locale-choice.mjs";
import { withLocale } from "./lib/i18n/locale-href";
import { pageLanguage } from "./lib/i18n/page-language";
import { requestedOrigin } from "./lib/requested-origin";

/**
 * Runs before every page: picks the page's language (lib/i18n/page-language.ts), sets a
 * per-request Content Security Policy, and sends visitors of editor pages without a session
 * cookie to sign-in.
 *
 * The policy allows only scripts carrying this request's nonce. Next reads the policy from
 * the request headers and puts the nonce on the scripts it renders; an injected <script> has
 * no nonce and does not run. A reader page the server stores for everyone (server/serve.mjs)
 * leaves with the nonce traded for the hashes of exactly those scripts (server/script-hashes.mjs).
 */
export function proxy(request: NextRequest) {
  const language = pageLanguage({
    method: request.method,
    searchParams: request.nextUrl.searchParams,
    cookie: request.headers.get("cookie"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  if (language.kind === "redirect" && request.nextUrl.pathname !== LANGUAGE_SWITCH) return redirectToLanguage(request, language.locale);

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(LOCALE_HEADER, language.locale);

  const response = needsSignIn(request) ? redirectToSignIn(request, language.locale) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  const origin = requestedOrigin(request.headers);
  if (origin) response.headers.set("link", languageAlternates(origin, request.nextUrl));
  return response;
}

/** app/language/route.ts: sets the choice itself, so it is never sent elsewhere first. */
const LANGUAGE_SWITCH = "/language";

/**
 * A visitor who prefers Chinese, on a URL without `lang`: to the same page's Chinese URL.
 * Private and varying by what decided it, so no cache keeps this answer for another visitor.
 */
function redirectToLanguage(request: NextRequest, locale: Locale): NextResponse {
  const target = new URL(request.nextUrl.pathname, requestedOrigin(request.headers) ?? request.url);
  target.search = request.nextUrl.search;
  target.searchParams.set(LOCALE_PARAM, locale);
  const response = NextResponse.redirect(target, 307);
  response.headers.set("vary", "Accept-Language, Cookie");
  response.headers.set("cache-control", "private, no-store");
  return response;
}

/**
 * The page in each language, for search engines (hreflang in a Link header, as Google reads
 * it for any response): English is also the default for other languages (x-default).
 */
function languageAlternates(origin: string, url: URL): string {
  const inLocale = (locale: Locale) => {
    const alternate = new URL(url.pathname, origin);
    alternate.search = url.search;
    alternate.searchParams.delete(LOCALE_PARAM);
    return new URL(withLocale(alternate.pathname + alternate.search, locale), origin).href;
  };
  const links = LOCALES.map((locale) => `<${inLocale(locale)}>; rel="alternate"; hreflang="${locale}"`);
  return [...links, `<${inLocale("en")}>; rel="alternate"; hreflang="x-default"`].join(", ");
}

/**
 * The session gate is a fast first check, not the security boundary: the editor layout
 * checks the session, and every mutation authorises in the data-access layer. Only page
 * loads are redirected: a form's server action posts to the page URL and must reach the
 * action, which answers with a clear "sign in again" instead of a broken page.
 */
function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (pathname !== "/editor" && !pathname.startsWith("/editor/")) return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  return !getSessionCookie(request);
}

/**
 * To sign-in on the host the browser used. Not request.url's host: Next builds that from the
 * server's own listening address (localhost:PORT), which is not the host a reader typed.
 */
function redirectToSignIn(request: NextRequest, locale: Locale): NextResponse {
  const signIn = new URL(withLocale("/sign-in", locale), requestedOrigin(request.headers) ?? request.url);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: static assets, JSON APIs, feeds and exports run no scripts of ours in a page.
  // The backup upload is left out too: requests through the proxy are buffered (up to 10 MB).
  matcher: [{ source: "/((?!_next/static|_next/image|api/|feeds/|icon.svg|editor/backup/restore).*)" }],
};
