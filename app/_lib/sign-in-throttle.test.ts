import { describe, expect, it } from "vitest";
import { recordSignInFailure, recordSignInSuccess, signInWait, tooManyAttemptsMessage } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("locks an account after five failures, whichever address they come from, until a success clears it", async () => {
    const email = "Victim@Example.org";
    for (let i = 0; i < 4; i++) await recordSignInFailure(email, `10.0.0.${i}`);
    expect(await signInWait(email, "10.0.0.99")).toBe(0);
    await recordSignInFailure(email.toLowerCase(), "10.0.0.5");
    const wait = await signInWait(" victim@example.org ", "10.0.0.99");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(tooManyAttemptsMessage(wait)).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    await recordSignInSuccess(email);
    expect(await signInWait(email, "10.0.0.99")).toBe(0);
  });

  it("locks an address that fails on many accounts, without locking those accounts elsewhere", async () => {
    for (let i = 0; i < 20; i++) await recordSignInFailure(`guess${i}@example.org`, "203.0.113.7");
    expect(await signInWait("someone-new@example.org", "203.0.113.7")).toBeGreaterThan(0);
    expect(await signInWait("someone-new@example.org", "198.51.100.1")).toBe(0);
  });
});
