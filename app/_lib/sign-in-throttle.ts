import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Failed sign-ins are limited per account and per client address, so a password cannot be
 * guessed by trying many, on one account or across many. Only failures count: a desk where
 * everyone signs in from one office address is not locked out by its own successful sign-ins.
 * An attempt takes its point before the password is checked (and a success gives it back), so
 * a burst of parallel guesses is counted as it starts, not after each slow hash check.
 * Better Auth limits its own HTTP sign-in endpoint; the sign-in form calls it in-process
 * (a server action), which bypasses that limiter, hence this one.
 *
 * In memory, per process, like the other limits: right for one SQLite-backed instance.
 * The client address comes from X-Forwarded-For, which only a reverse proxy makes
 * trustworthy; the per-account limit holds whatever a client claims its address is.
 */
const ACCOUNT_FAILURES = 5;
const CLIENT_FAILURES = 20;
const WINDOW_SECONDS = 15 * 60;

const perAccount = new RateLimiterMemory({ points: ACCOUNT_FAILURES, duration: WINDOW_SECONDS, keyPrefix: "sign-in-account" });
const perClient = new RateLimiterMemory({ points: CLIENT_FAILURES, duration: WINDOW_SECONDS, keyPrefix: "sign-in-client" });

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * Starts an attempt: takes a point from the account's and the address's budgets, counted as a
 * failure until recordSignInSuccess. 0 when the attempt may go ahead; else the seconds to wait,
 * and nothing is taken. consume() counts atomically within the process.
 */
export async function startSignInAttempt(email: string, client: string): Promise<number> {
  const key = accountKey(email);
  try {
    await perAccount.consume(key);
  } catch (refused) {
    return secondsToWait(refused);
  }
  try {
    await perClient.consume(client);
  } catch (refused) {
    await perAccount.reward(key);
    return secondsToWait(refused);
  }
  return 0;
}

/** A successful sign-in clears the account's failures and gives the address its point back (others share it). */
export async function recordSignInSuccess(email: string, client: string): Promise<void> {
  await Promise.all([perAccount.delete(accountKey(email)), perClient.reward(client)]);
}

function secondsToWait(refused: unknown): number {
  if (!(refused instanceof RateLimiterRes)) throw refused;
  return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
}

export function tooManyAttemptsMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
