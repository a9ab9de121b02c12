import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { IntakeError } from "./intake-error";

/**
 * IPv4 addresses an import must never reach: a URL typed by an editor would otherwise let
 * the server probe its own network (SSRF). The IANA special-purpose ranges that are not
 * globally reachable, and documentation ranges no real site answers on.
 */
const NON_PUBLIC_V4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", including 0.0.0.0, which reaches the host itself
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, including cloud metadata at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.88.99.0", 24], // 6to4 relay anycast, deprecated
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, including broadcast
] as const) {
  NON_PUBLIC_V4.addSubnet(network, prefix, "ipv4");
}

/** Only 2000::/3 is global unicast; everything else in IPv6 (::1, fe80::/10, fc00::/7, ff00::/8, 100::/64, 5f00::/16…) is not. */
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet("2000::", 3, "ipv6");

/** Inside 2000::/3, the ranges that are not an ordinary public host. */
const NON_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ["2001::", 23], // IETF protocol assignments, including Teredo (2001::/32), which tunnels to an IPv4 address it hides
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: relays to the IPv4 address in bits 16–47, private ones included
  ["3fff::", 20], // documentation
] as const) {
  NON_PUBLIC_V6.addSubnet(network, prefix, "ipv6");
}

/**
 * IPv6 forms that carry an IPv4 address in their last 32 bits and reach that address: the
 * IPv4-mapped form (::ffff:a.b.c.d, what a dual-stack socket connects to) and the well-known
 * NAT64 prefix (64:ff9b::a.b.c.d, which a NAT64 gateway translates to a.b.c.d). They are as
 * public as the IPv4 address they carry: 64:ff9b::7f00:1 is 127.0.0.1. The local-use NAT64
 * prefix (64:ff9b:1::/48) places the IPv4 address where its operator chooses, so it is refused.
 */
const EMBEDS_IPV4 = new BlockList();
EMBEDS_IPV4.addSubnet("::ffff:0:0", 96, "ipv6");
EMBEDS_IPV4.addSubnet("64:ff9b::", 96, "ipv6");

/** The eight 16-bit groups of a valid IPv6 address (zone dropped, a trailing dotted quad folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back];
  return groups.map((group) => parseInt(group, 16));
}

function embeddedIpv4(address: string): string {
  const groups = ipv6Groups(address);
  const [high, low] = [groups[6]!, groups[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/**
 * Every address of this machine's interfaces, public ones included: a page "imported" from
 * the server's own public address would reach services listening on all interfaces
 * (0.0.0.0), such as this app's own port or an admin port the firewall hides from the
 * outside. Read on each check, since interfaces come and go.
 */
export function hostAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
}

function addressList(addresses: readonly string[]): BlockList {
  const list = new BlockList();
  for (const address of addresses) {
    const family = isIP(address.split("%")[0]!);
    if (family !== 0) list.addAddress(address.split("%")[0]!, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/**
 * Whether an import may connect to `address`: an IP literal, public, and not one of this
 * machine's own (`own` defaults to them; tests pass their own list). BlockList compares
 * addresses, not spellings, and matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against IPv4 rules.
 */
export function isPublicAddress(address: string, own: readonly string[] = hostAddresses()): boolean {
  const bare = address.split("%")[0]!;
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6 && EMBEDS_IPV4.check(bare, "ipv6")) return isPublicAddress(embeddedIpv4(bare), own);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (addressList(own).check(bare, type)) return false;
  if (family === 4) return !NON_PUBLIC_V4.check(bare, "ipv4");
  return GLOBAL_UNICAST_V6.check(bare, "ipv6") && !NON_PUBLIC_V6.check(bare, "ipv6");
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
