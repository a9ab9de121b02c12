import { describe, expect, it } from "vitest";
import { recordSignInSuccess, startSignInAttempt, tooManyAttemptsMessage } from "./throttle";

/** An attempt that fails: it keeps the point it took. */
const fail = (email: string, client: string) => startSignInAttempt(email, client);

describe("sign-in throttle", () => {
  it("locks an account after five failures, whichever address they come from, until a success clears it", async () => {
    const email = "Victim@Example.org";
    for (let i = 0; i < 4; i++) expect(await fail(email, `10.0.0.${i}`)).toBe(0);
    expect(await fail(email.toLowerCase(), "10.0.0.5")).toBe(0);
    const wait = await startSignInAttempt(" victim@example.org ", "10.0.0.99");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(tooManyAttemptsMessage(wait)).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    await recordSignInSuccess(email, "10.0.0.99");
    expect(await startSignInAttempt(email, "10.0.0.99")).toBe(0);
  });

  it("locks an address that fails on many accounts, without locking those accounts elsewhere", async () => {
    for (let i = 0; i < 20; i++) await fail(`guess${i}@example.org`, "203.0.113.7");
    expect(await startSignInAttempt("someone-new@example.org", "203.0.113.7")).toBeGreaterThan(0);
    expect(await startSignInAttempt("someone-new@example.org", "198.51.100.1")).toBe(0);
  });

  it("counts parallel attempts as they start: of a burst of 30 on one account, 5 go ahead", async () => {
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => startSignInAttempt("burst@example.org", `192.0.2.${i}`)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it("gives a successful sign-in's point back to its address, so an office's own sign-ins never lock it", async () => {
    for (let i = 0; i < 25; i++) {
      expect(await startSignInAttempt(`colleague${i}@example.org`, "198.51.100.20")).toBe(0);
      await recordSignInSuccess(`colleague${i}@example.org`, "198.51.100.20");
    }
  });
});
