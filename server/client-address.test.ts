import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, establishClient, parseTrustedProxies } from "./client-address.mjs";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/24 ::1");

function request(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("127.0.0.1", "198.51.100.1", none)).toBe("127.0.0.1");
  });

  it("is the first untrusted hop from the right when the peer is a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client wrote the leftmost entries itself: only what our proxies appended counts.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.7", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
    // A proxy that adds nothing, or garbage, leaves the last trustworthy address.
    expect(clientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "not-an-ip", proxies)).toBe("127.0.0.1");
    expect(clientAddress("10.0.0.9", "198.51.100.1, junk, 10.0.0.3", proxies)).toBe("10.0.0.3");
    // A peer outside the trusted ranges is the client, even next to a trusted range.
    expect(clientAddress("10.0.1.1", "198.51.100.1", proxies)).toBe("10.0.1.1");
  });

  it("states the address in its own header and drops forwarding headers from an untrusted peer", () => {
    const forged = request("203.0.113.5", {
      [CLIENT_ADDRESS_HEADER]: "1.2.3.4",
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-host": "evil.test",
      "x-forwarded-proto": "https",
      forwarded: "for=1.1.1.1;host=evil.test",
      host: "claimline.example",
    });
    establishClient(forged, proxies);
    expect(forged.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5", host: "claimline.example" });

    const proxied = request("127.0.0.1", { "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "factcheck.example" });
    establishClient(proxied, proxies);
    expect(proxied.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.1");
    expect(proxied.headers["x-forwarded-host"]).toBe("factcheck.example");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, naming it", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/8/1", "::1/129", "10.0.0.0/x", "300.1.1.1"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(`"${bad}"`);
    }
    expect(() => parseTrustedProxies(" 192.0.2.1 ,2001:db8::/32 ")).not.toThrow();
  });
});
