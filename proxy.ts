import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * A fast first gate for editor pages: without a session cookie, go to sign-in straight
 * away. It is not the security boundary: the editor layout checks the session, and every
 * mutation authorises in the data-access layer.
 */
export function proxy(request: NextRequest) {
  // Only page loads are redirected. A form's server action posts to the page URL; it must
  // reach the action, which answers with a clear "sign in again" instead of a broken page.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  if (getSessionCookie(request)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/editor", "/editor/:path*"] };
