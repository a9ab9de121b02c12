import { type NextRequest, NextResponse } from "next/server";
import { LOCALE_COOKIE, LOCALE_PARAM, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { withLocale } from "@/lib/i18n/locale-href";
import { requestedOrigin } from "@/lib/requested-origin";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switch: `GET /language?to=zh-Hans` remembers the choice (a cookie, so pages
 * without `lang` follow it from now on) and returns to the page the switch was on, in the
 * chosen language. Only a page of this site is returned to (its Referer, same origin), else home.
 */
export function GET(request: NextRequest): NextResponse {
  const locale = parseLocale(request.nextUrl.searchParams.get("to"));
  if (!locale) return NextResponse.json({ error: "Unknown language: use to=en or to=zh-Hans." }, { status: 400 });
  const origin = requestedOrigin(request.headers) ?? request.nextUrl.origin;
  const target = new URL(withLocale(returnPath(request.headers.get("referer"), origin), locale), origin);
  if (locale === "en") target.searchParams.delete(LOCALE_PARAM);
  const response = NextResponse.redirect(target, 303);
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: true });
  response.headers.set("cache-control", "private, no-store");
  return response;
}

/** The referring page's path and query without its language, when it is this site's; else "/". */
function returnPath(referer: string | null, origin: string): string {
  if (!referer || !URL.canParse(referer)) return "/";
  const from = new URL(referer);
  if (from.origin !== origin || from.pathname === "/language") return "/";
  from.searchParams.delete(LOCALE_PARAM);
  return from.pathname + from.search;
}
