import { afterEach } from "vitest";
import { getAuth } from "../db/auth";

// The Better Auth instance keeps the database handle it was created with, and every test
// gets a fresh database, so each test needs a fresh instance too.
afterEach(() => {
  (globalThis as { __claimlineAuth?: unknown }).__claimlineAuth = undefined;
});

/** Signs in through Better Auth as the sign-in form does; returns the session cookie, or throws. */
export async function signInForCookie(email: string, password: string): Promise<string> {
  const result = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return result.headers.get("set-cookie")!.split(";")[0]!;
}

/** The user id of a session cookie, or null when Better Auth no longer honours it. */
export async function sessionUserId(cookie: string): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers: new Headers({ cookie }) });
  return session?.user.id ?? null;
}
