import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/content-security-policy";
import { requestedOrigin } from "./lib/requested-origin";

/**
 * Runs before every page: sets a per-request Content Security Policy, and sends visitors of
 * editor pages without a session cookie to sign-in.
 *
 * The policy allows only scripts carrying this request's nonce. Next reads the policy from
 * the request headers and puts the nonce on the scripts it renders (every page is rendered
 * per request, so each gets a fresh one); an injected <script> has no nonce and does not run.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);

  const response = needsSignIn(request) ? redirectToSignIn(request) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
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
function redirectToSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", requestedOrigin(request.headers) ?? request.url);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: static assets, JSON APIs, feeds and exports run no scripts of ours in a page.
  // The backup upload is left out too: requests through the proxy are buffered (up to 10 MB).
  matcher: [{ source: "/((?!_next/static|_next/image|api/|feeds/|icon.svg|editor/backup/restore).*)" }],
};
