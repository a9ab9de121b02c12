import "server-only";
import { recordSignInSuccess, startSignInAttempt } from "./throttle";

export type SignInOutcome<T> = { ok: true; value: T } | { ok: false; reason: "throttled"; seconds: number } | { ok: false; reason: "mismatch" };

/**
 * The one way to check a password: every sign-in path (the form's server action and Better
 * Auth's HTTP endpoint) calls this, so both count against the same per-address and
 * per-account budgets. `check` asks Better Auth and returns null when it refuses the
 * credentials; a wrong password, an unknown email and a deactivated account all come back as
 * "mismatch", so the answer never tells them apart. An unexpected error keeps the point the
 * attempt took and is thrown on.
 */
export async function signInThrottled<T>(email: string, client: string, check: () => Promise<T | null>): Promise<SignInOutcome<T>> {
  const seconds = await startSignInAttempt(email, client);
  if (seconds > 0) return { ok: false, reason: "throttled", seconds };
  const value = await check();
  if (value === null) return { ok: false, reason: "mismatch" };
  await recordSignInSuccess(email, client);
  return { ok: true, value };
}

/**
 * Whether Better Auth refused a sign-in (as opposed to failing). Its APIError is a class of the
 * bundle that threw it, and the app can hold more than one copy of that bundle, so the error
 * is recognised by its shape (an HTTP status below 500), not by instanceof.
 */
export function isSignInRefusal(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { statusCode, name } = error as { statusCode?: unknown; name?: unknown };
  return name === "APIError" && typeof statusCode === "number" && statusCode >= 400 && statusCode < 500;
}

export const SIGN_IN_MISMATCH_MESSAGE = "Email and password do not match.";
