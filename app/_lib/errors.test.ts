import { describe, expect, it } from "vitest";
import { BusyError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { toHttpResponse } from "./errors";

describe("toHttpResponse", () => {
  it("tells a client refused for now when to come back: Retry-After on 503 and 429", async () => {
    const busy = toHttpResponse(new BusyError("Too many PDFs are being made right now.", 6));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("6");
    expect(await busy.json()).toEqual({ error: "busy", message: "Too many PDFs are being made right now.", retryAfter: 6 });

    const limited = toHttpResponse(new RateLimitedError("Try again in 45 s.", 45));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
  });

  it("sends no Retry-After for errors that will not pass by waiting", () => {
    const missing = toHttpResponse(new NotFoundError("The article"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("retry-after")).toBeNull();
  });
});
