import { describe, expect, it } from "vitest";
import { BusyError, RateLimitedError } from "../errors";
import { createRenderGate, type RenderGateOptions } from "./render-gate";

/** A fake renderer that records how many renders run at once and finishes them when told. */
function renderer() {
  const state = { started: [] as string[], running: 0, mostAtOnce: 0, pending: [] as Array<() => void> };
  return {
    state,
    render: (key: string) => async () => {
      state.started.push(key);
      state.running++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      await new Promise<void>((resolve) => state.pending.push(resolve));
      state.running--;
      return Buffer.from(`pdf of ${key}`);
    },
    /** Finishes renders one after another until none is left (including ones started meanwhile). */
    async drain() {
      for (;;) {
        // Let queued work reach its render first.
        await new Promise((resolve) => setImmediate(resolve));
        if (!state.pending.length && !state.running) return;
        state.pending.shift()?.();
      }
    },
  };
}

function gate(overrides: Partial<RenderGateOptions<Buffer>> = {}, generation = { value: 1 }) {
  let now = 0;
  return {
    generation,
    advance: (ms: number) => (now += ms),
    gate: createRenderGate<Buffer>({
      concurrency: 1,
      maxWaiting: 2,
      perClient: { points: 100, windowMs: 60_000, maxClients: 100 },
      cacheBytes: 1024 * 1024,
      sizeOf: (b) => b.length,
      generation: () => generation.value,
      expectedRenderMs: 2000,
      now: () => now,
      ...overrides,
    }),
  };
}

describe("createRenderGate", () => {
  it("under a burst of 20 runs one render at a time, shares renders of the same key, and refuses the rest with Retry-After", async () => {
    const { gate: g } = gate();
    const r = renderer();
    const keys = [...Array.from({ length: 10 }, () => "current"), ...Array.from({ length: 10 }, (_, i) => `asof-${i}`)];
    const answers = keys.map((key) => g.get(key, "203.0.113.1", r.render(key)).then((ok) => ({ ok }), (error: unknown) => ({ error })));
    await r.drain();
    const settled = await Promise.all(answers);

    expect(r.state.mostAtOnce).toBe(1);
    // One render of "current" shared by its 10 requests, and two more that found a place in the queue.
    expect(r.state.started).toEqual(["current", "asof-0", "asof-1"]);
    expect(settled.slice(0, 10).map((a) => ("ok" in a ? a.ok.source : "error"))).toEqual(["rendered", ...Array(9).fill("shared")]);
    expect(settled.slice(0, 10).every((a) => "ok" in a && a.ok.value.toString() === "pdf of current")).toBe(true);
    const refused = settled.slice(12).map((a) => ("error" in a ? a.error : null));
    expect(refused).toHaveLength(8);
    for (const error of refused) {
      expect(error).toBeInstanceOf(BusyError);
      // Three renders ahead at about 2 s each.
      expect((error as BusyError).retryAfterSeconds).toBe(6);
      expect((error as BusyError).status).toBe(503);
    }

    // Afterwards every rendered key is served from the cache, rendering nothing.
    for (const key of ["current", "asof-0", "asof-1"]) expect((await g.get(key, "203.0.113.1", r.render(key))).source).toBe("cache");
    expect(r.state.started).toHaveLength(3);
  });

  it("renders again after a change (a new generation), but not before", async () => {
    const { gate: g, generation } = gate();
    const r = renderer();
    const first = g.get("current", "a", r.render("current"));
    await r.drain();
    expect((await first).source).toBe("rendered");
    expect((await g.get("current", "a", r.render("current"))).source).toBe("cache");
    generation.value++;
    const again = g.get("current", "a", r.render("current"));
    await r.drain();
    expect((await again).source).toBe("rendered");
    expect(r.state.started).toEqual(["current", "current"]);
  });

  it("does not share a render begun before a change with a request made after it", async () => {
    const { gate: g, generation } = gate();
    const r = renderer();
    const before = g.get("current", "a", r.render("current"));
    generation.value++;
    const after = g.get("current", "a", r.render("current"));
    await r.drain();
    expect((await before).source).toBe("rendered");
    expect((await after).source).toBe("rendered");
    expect(r.state.started).toHaveLength(2);
  });

  it("takes new renders from a budget kept elsewhere (the database's, shared by every process) when given one", async () => {
    const asked: string[] = [];
    const shared = { take: async (client: string) => (asked.push(client), asked.length > 1 ? { ok: false as const, retryAfterMs: 30_000 } : { ok: true as const }) };
    const { gate: g } = gate({ perClient: shared });
    const r = renderer();
    const first = g.get("one", "203.0.113.9", r.render("one"));
    await r.drain();
    expect((await first).source).toBe("rendered");
    const refused = await g.get("two", "203.0.113.9", r.render("two")).catch((error: unknown) => error);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(30);
    expect(asked).toEqual(["203.0.113.9", "203.0.113.9"]);
    expect(g.stats.clients).toBe(0);
  });

  it("charges a client for new renders only, and answers 429 with the seconds left in its window", async () => {
    const { gate: g, advance } = gate({ perClient: { points: 2, windowMs: 60_000, maxClients: 100 } });
    const r = renderer();
    for (const key of ["one", "two"]) {
      const answer = g.get(key, "203.0.113.9", r.render(key));
      await r.drain();
      await answer;
    }
    // Cached copies are free.
    expect((await g.get("one", "203.0.113.9", r.render("one"))).source).toBe("cache");
    advance(15_000);
    const refused = await g.get("three", "203.0.113.9", r.render("three")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(45);
    expect((refused as RateLimitedError).status).toBe(429);
    // Another client is unaffected.
    const other = g.get("three", "198.51.100.4", r.render("three"));
    await r.drain();
    expect((await other).source).toBe("rendered");
  });

  it("passes a failed render to every request sharing it, keeps nothing, and frees its place", async () => {
    const { gate: g } = gate({ maxWaiting: 0 });
    let attempts = 0;
    const failing = async () => {
      attempts++;
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error("browser crashed");
    };
    const answers = [g.get("k", "a", failing), g.get("k", "a", failing)];
    await expect(answers[0]).rejects.toThrow("browser crashed");
    await expect(answers[1]).rejects.toThrow("browser crashed");
    expect(attempts).toBe(1);
    expect(g.stats).toMatchObject({ running: 0, inFlight: 0, cached: 0 });
    expect((await g.get("k", "a", async () => Buffer.from("ok"))).source).toBe("rendered");
  });
});
