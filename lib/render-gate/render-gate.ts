import { BusyError, RateLimitedError } from "../errors";
import { type BudgetAnswer, createClientBudget } from "./client-budget";
import { createGenerationCache } from "./generation-cache";
import { createWorkQueue } from "./work-queue";

/**
 * The one way to an expensive render (a PDF printed by Chromium), in this order:
 * 1. a copy made since the last change is served as it is (free);
 * 2. a request for what is being rendered right now waits for that render (free);
 * 3. otherwise the render needs a place in the bounded queue (503 and Retry-After when
 *    there is none) and a point of the client's budget (429 and Retry-After when spent).
 * Only new renders cost the client: a cached or shared copy costs the server nothing.
 */
/**
 * A per-client budget kept elsewhere: in the database, so every server process counts against
 * the same one (app/_lib/rate-limit.ts, sharedClientBudget).
 */
export interface SharedClientBudget {
  take(client: string): Promise<BudgetAnswer>;
}

export interface RenderGateOptions<V> {
  concurrency: number;
  maxWaiting: number;
  /** A budget shared by all processes, or the shape of one kept in this process's memory. */
  perClient: SharedClientBudget | { points: number; windowMs: number; maxClients: number };
  cacheBytes: number;
  sizeOf: (value: V) => number;
  /** The data's generation now (a database read: awaited); see createGenerationCache. */
  generation: () => number | Promise<number>;
  /** What a render is assumed to take before any has been timed, for Retry-After. */
  expectedRenderMs: number;
  now?: () => number;
}

export type GateSource = "cache" | "shared" | "rendered";

export interface RenderGate<V> {
  get(key: string, client: string, render: () => Promise<V>): Promise<{ value: V; source: GateSource }>;
  readonly stats: { running: number; waiting: number; cachedBytes: number; cached: number; inFlight: number; clients: number };
}

export function createRenderGate<V>(options: RenderGateOptions<V>): RenderGate<V> {
  const { generation, now = Date.now } = options;
  const queue = createWorkQueue({ concurrency: options.concurrency, maxWaiting: options.maxWaiting });
  const perClient = options.perClient;
  const budget = "take" in perClient ? perClient : createClientBudget({ ...perClient, now });
  const cache = createGenerationCache<V>({ maxBytes: options.cacheBytes, sizeOf: options.sizeOf });
  const inFlight = new Map<string, Promise<V>>();
  let typicalRenderMs = options.expectedRenderMs;

  /** Seconds until a place is likely free: everything ahead of a newcomer, shared among the workers. */
  const busyRetryAfter = () => Math.max(1, Math.ceil((((queue.running + queue.waiting) / queue.concurrency) * typicalRenderMs) / 1000));

  return {
    async get(key, client, render) {
      const at = await generation();
      const cached = cache.get(key, at);
      if (cached !== undefined) return { value: cached, source: "cache" };
      // Keyed by generation too: a render begun before a change must not answer after it.
      const flightKey = `${at}\u0000${key}`;
      const shared = inFlight.get(flightKey);
      if (shared) return { value: await shared, source: "shared" };

      if (!queue.hasRoom()) throw new BusyError("Too many PDFs are being made right now. Try again shortly, or print the HTML report from your browser.", busyRetryAfter());
      const allowed = await budget.take(client);
      if (!allowed.ok) {
        const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
        throw new RateLimitedError(`You have asked for many PDFs in a short time. Try again in ${seconds} s, or print the HTML report from your browser.`, seconds);
      }
      // A render of the same key may have begun, or the queue filled, while the budget answered.
      const begun = inFlight.get(flightKey);
      if (begun) return { value: await begun, source: "shared" };
      const flight = queue.tryRun(async () => {
        const started = now();
        const value = await render();
        // A running average, so Retry-After follows what renders take on this machine.
        typicalRenderMs = Math.round(0.7 * typicalRenderMs + 0.3 * (now() - started));
        cache.set(key, value, at);
        return value;
      });
      if (!flight) throw new BusyError("Too many PDFs are being made right now. Try again shortly, or print the HTML report from your browser.", busyRetryAfter());
      inFlight.set(flightKey, flight);
      try {
        return { value: await flight, source: "rendered" };
      } finally {
        inFlight.delete(flightKey);
      }
    },
    get stats() {
      return { running: queue.running, waiting: queue.waiting, cachedBytes: cache.bytes, cached: cache.size, inFlight: inFlight.size, clients: "size" in budget ? budget.size : 0 };
    },
  };
}
