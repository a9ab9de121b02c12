import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address.mjs";
import { clientBudgetKey, createRateLimit } from "./rate-limit";

const from = (address: string, extra: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/v1/suggest", { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: address, ...extra } });

describe("createRateLimit", () => {
  it("allows a client its budget, then answers 429 with Retry-After; other clients are unaffected", async () => {
    const limit = createRateLimit("test-budget", 3, 60);
    for (let i = 0; i < 3; i++) expect(await limit(from("203.0.113.7"))).toBeNull();
    const refused = await limit(from("203.0.113.7"));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ error: "rate_limited" });
    expect(await limit(from("198.51.100.2"))).toBeNull();
  });

  it("ignores X-Forwarded-For: only the address the server established counts", async () => {
    const limit = createRateLimit("test-forwarded", 2, 60);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await limit(from("203.0.113.9", { "x-forwarded-for": `198.51.100.${i}` })));
    expect(answers.map((answer) => answer?.status ?? 200)).toEqual([200, 200, 429, 429, 429]);
  });

  it("is shared through the database: two limiters of one name count together, as two processes would", async () => {
    const first = createRateLimit("test-shared", 2, 60);
    const second = createRateLimit("test-shared", 2, 60);
    expect(await first(from("203.0.113.10"))).toBeNull();
    expect(await second(from("203.0.113.10"))).toBeNull();
    expect((await first(from("203.0.113.10")))?.status).toBe(429);
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it gains nothing", async () => {
    expect(clientBudgetKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientBudgetKey("2001:0DB8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(clientBudgetKey("2001:db8::7")).toBe("2001:db8:0:0::/64");
    expect(clientBudgetKey("::1")).toBe("0:0:0:0::/64");
    expect(clientBudgetKey("203.0.113.7")).toBe("203.0.113.7");
    const limit = createRateLimit("test-ipv6", 2, 60);
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push((await limit(from(`2001:db8:1:2::${i}`)))?.status ?? 200);
    expect(answers).toEqual([200, 200, 429, 429]);
    expect(await limit(from("2001:db8:1:3::1"))).toBeNull();
  });
});
