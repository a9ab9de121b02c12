import "server-only";
import { createBudget } from "@/db/limits/limiter";
import type { SharedClientBudget } from "@/lib/render-gate/render-gate";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address.mjs";

/**
 * The client's address as the server established it (server/client-address.mjs: the socket's
 * peer, or what a trusted proxy forwarded). "unknown" when the app runs without that server
 * (`next dev`): every client then shares one budget, which is safe, only strict.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/**
 * The key a client's budget is counted under. An IPv6 client usually holds a whole /64 and
 * can pick a new address in it for every request, so IPv6 addresses count by their /64.
 */
export function clientBudgetKey(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export function clientKey(request: Request): string {
  return clientBudgetKey(clientAddress(request.headers));
}

/**
 * A per-client budget for an expensive public endpoint, kept in the database so that every
 * server process counts against the same budget.
 */
export function createRateLimit(name: string, points: number, durationSeconds: number) {
  const budget = createBudget({ name, points, durationSeconds });
  /** Null when allowed; otherwise a 429 response saying when to retry. */
  return async (request: Request): Promise<Response | null> => {
    const retryAfter = await budget.take(clientKey(request));
    if (retryAfter === 0) return null;
    return Response.json(
      { error: "rate_limited", message: `Too many requests. Try again in ${retryAfter} s.` },
      { status: 429, headers: { "retry-after": String(retryAfter) } },
    );
  };
}

/**
 * A per-client budget for the PDF render gate (lib/render-gate), in the database like the
 * others, so N server processes do not give a client N times its PDFs.
 */
export function sharedClientBudget(name: string, points: number, durationSeconds: number): SharedClientBudget {
  const budget = createBudget({ name, points, durationSeconds });
  return {
    async take(client) {
      const retryAfter = await budget.take(client);
      return retryAfter === 0 ? { ok: true } : { ok: false, retryAfterMs: retryAfter * 1000 };
    },
  };
}
