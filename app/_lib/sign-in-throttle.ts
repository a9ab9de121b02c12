import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Failed sign-ins are limited per account and per client address, so a password cannot be
 * guessed by trying many, on one account or across many. Only failures count: a desk where
 * everyone signs in from one office address is not locked out by its own successful sign-ins.
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

/** How long until this account and client may try again (seconds), or 0 when they may now. */
export async function signInWait(email: string, client: string): Promise<number> {
  const [account, address] = await Promise.all([perAccount.get(accountKey(email)), perClient.get(client)]);
  const waits = [account, address].filter((r) => r !== null && r.remainingPoints <= 0).map((r) => Math.ceil(r!.msBeforeNext / 1000));
  return Math.max(0, ...waits);
}

export async function recordSignInFailure(email: string, client: string): Promise<void> {
  // penalty() adds without throwing when the budget is already spent.
  await Promise.all([perAccount.penalty(accountKey(email)), perClient.penalty(client)]);
}

/** A successful sign-in clears the account's failures (not the address's: others share it). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await perAccount.delete(accountKey(email));
}

export function tooManyAttemptsMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
