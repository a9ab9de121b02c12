import "server-only";
import { createBudget } from "../limits/limiter";

/**
 * Failed sign-ins are limited per client address and per account, so a password cannot be
 * guessed by trying many, on one account or across many. Only failures count: a desk where
 * everyone signs in from one office address is not locked out by its own successful sign-ins.
 * An attempt takes its point before the password is checked (and a success gives it back), so
 * a burst of parallel guesses is counted as it starts, not after each slow hash check.
 *
 * Every way to sign in (the form's server action and Better Auth's HTTP endpoint) goes through
 * signInThrottled (db/sign-in/sign-in.ts), which is the only caller of these. The counters are
 * in the database, so all server processes share them; keys are hashes, so a client's input
 * never grows what is stored beyond one short row per address and per real-looking account.
 */
const ACCOUNT_FAILURES = 5;
const CLIENT_FAILURES = 20;
const WINDOW_SECONDS = 15 * 60;

const perAccount = createBudget({ name: "sign-in-account", points: ACCOUNT_FAILURES, durationSeconds: WINDOW_SECONDS });
const perClient = createBudget({ name: "sign-in-client", points: CLIENT_FAILURES, durationSeconds: WINDOW_SECONDS });

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * Starts an attempt: takes a point from the address's budget, then from the account's, counted
 * as a failure until recordSignInSuccess. 0 when the attempt may go ahead; else the seconds to
 * wait. The address is checked first, so an address already refused stores nothing per account.
 */
export async function startSignInAttempt(email: string, client: string): Promise<number> {
  const clientWait = await perClient.take(client);
  if (clientWait > 0) return clientWait;
  const accountWait = await perAccount.take(accountKey(email));
  if (accountWait > 0) {
    // The address did not get to try: its point goes back.
    await perClient.giveBack(client);
    return accountWait;
  }
  return 0;
}

/** A successful sign-in clears the account's failures and gives the address its point back (others share it). */
export async function recordSignInSuccess(email: string, client: string): Promise<void> {
  await Promise.all([perAccount.reset(accountKey(email)), perClient.giveBack(client)]);
}

export function tooManyAttemptsMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
