import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** The client address as the nearest proxy reports it; "local" when there is none (direct connection). */
export function clientKey(request: Request): string {
  return clientAddress(request.headers);
}

export function clientAddress(headers: Pick<Headers, "get">): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/**
 * A per-client budget for an expensive public endpoint. In memory, per server process: right
 * for one SQLite-backed instance; a multi-instance deployment would swap in a shared store.
 */
export function createRateLimit(points: number, durationSeconds: number) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  /** Null when allowed; otherwise a 429 response saying when to retry. */
  return async (request: Request): Promise<Response | null> => {
    try {
      await limiter.consume(clientKey(request));
      return null;
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfter = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      return Response.json(
        { error: "rate_limited", message: `Too many requests. Try again in ${retryAfter} s.` },
        { status: 429, headers: { "retry-after": String(retryAfter) } },
      );
    }
  };
}
