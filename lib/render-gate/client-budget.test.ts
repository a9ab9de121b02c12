import { describe, expect, it } from "vitest";
import { createClientBudget } from "./client-budget";

describe("createClientBudget", () => {
  it("gives each client `points` per window, then says how long until its window ends", () => {
    let now = 1_000;
    const budget = createClientBudget({ points: 2, windowMs: 60_000, maxClients: 100, now: () => now });
    expect(budget.take("a")).toEqual({ ok: true });
    now += 10_000;
    expect(budget.take("a")).toEqual({ ok: true });
    expect(budget.take("a")).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(budget.take("b")).toEqual({ ok: true });
    now += 50_000;
    expect(budget.take("a")).toEqual({ ok: true });
  });

  it("remembers at most `maxClients`, forgetting the oldest window first, and forgets ended windows", () => {
    let now = 0;
    const budget = createClientBudget({ points: 1, windowMs: 60_000, maxClients: 3, now: () => now });
    for (const client of ["a", "b", "c", "d", "e"]) {
      expect(budget.take(client).ok).toBe(true);
      now += 1;
    }
    expect(budget.size).toBe(3);
    // "a" and "b" were forgotten (they start afresh); "e" is still at its limit.
    expect(budget.take("e").ok).toBe(false);
    expect(budget.take("a").ok).toBe(true);
    for (let i = 0; i < 10_000; i++) budget.take(`client-${i}`);
    expect(budget.size).toBe(3);
    now += 120_000;
    budget.take("z");
    expect(budget.size).toBe(1);
  });
});
