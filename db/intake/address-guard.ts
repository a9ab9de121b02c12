import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { IntakeError } from "./intake-error";

/**
 * Addresses an import must never reach: a URL typed by an editor would otherwise let the
 * server probe its own network (SSRF). BlockList also matches IPv4-mapped IPv6 addresses
 * (::ffff:127.0.0.1) against the IPv4 rules.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, including cloud metadata at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, including broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ["fe80::", 10], // link-local
  ["fc00::", 7], // unique-local
  ["ff00::", 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** URL hostnames keep IPv6 literals in brackets; lookups and isIP want them bare. */
function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/**
 * Refuses a URL whose host is, or resolves to, a non-public address. Every resolved address
 * must be public: a name answering with one public and one private address is refused.
 * fetch resolves the name again when it connects; pinned-fetch.ts checks that connection too,
 * so a DNS server that changes its answer in between (rebinding) is also refused.
 */
export async function assertPublicHost(url: URL): Promise<void> {
  const host = bareHost(url.hostname);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new IntakeError("unreachable", `Could not reach ${url.host}: no server has that name.`);
    }
  }
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked !== undefined) {
    const shown = blocked === host ? url.host : `${url.host} (${blocked})`;
    throw new IntakeError(
      "blocked_address",
      `Claimline only imports public web pages; ${shown} is a private or local network address.`,
    );
  }
}
