import { describe, expect, it } from "vitest";
import { createRateLimit } from "./rate-limit";

const from = (ip: string) => new Request("http://localhost/api/v1/suggest", { method: "POST", headers: { "x-forwarded-for": ip } });

describe("createRateLimit", () => {
  it("allows a client its budget, then answers 429 with Retry-After; other clients are unaffected", async () => {
    const limit = createRateLimit(3, 60);
    for (let i = 0; i < 3; i++) expect(await limit(from("203.0.113.7"))).toBeNull();
    const refused = await limit(from("203.0.113.7"));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ error: "rate_limited" });
    expect(await limit(from("198.51.100.2"))).toBeNull();
  });
});
