// @ts-check
/**
 * Who is asking: the client's address and the host it asked for, read from forwarding headers
 * only when the direct peer is a proxy we trust (TRUSTED_PROXIES), else from the socket.
 *
 * Any client can send X-Forwarded-For or X-Forwarded-Host. Believed from anyone, they let a
 * client pick a fresh address for every request (and so pass every per-address limit) or claim
 * to be another site (and so pass origin checks). This runs first for every request
 * (server/serve.mjs): it states the address in CLIENT_ADDRESS_HEADER, replacing whatever the
 * client sent there, and deletes forwarding headers that did not come from a trusted proxy,
 * so nothing downstream (Next, Better Auth, our routes) can read a forged one.
 */
import net from "node:net";

/** The one header the app reads the client's address from; set here, never by the client. */
export const CLIENT_ADDRESS_HEADER = "x-claimline-client-address";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * Parses TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or spaces
 * (e.g. "127.0.0.1, 10.0.0.0/24, ::1"). Throws with a message naming the bad entry.
 * @param {string | undefined} setting
 * @returns {net.BlockList}
 */
export function parseTrustedProxies(setting) {
  const list = new net.BlockList();
  for (const entry of (setting ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = net.isIP(address ?? "");
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && /^\d+$/.test(prefix ?? "")))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/24).`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(/** @type {string} */ (address), type);
    else list.addSubnet(/** @type {string} */ (address), bits, type);
  }
  return list;
}

/**
 * "::ffff:127.0.0.1" (how a dual-stack socket reports an IPv4 peer) as "127.0.0.1".
 * @param {string} address
 */
export function plainAddress(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? /** @type {string} */ (mapped[1]) : address;
}

/**
 * @param {net.BlockList} trusted
 * @param {string} address
 */
function isTrusted(trusted, address) {
  const family = net.isIP(address);
  if (!family) return false;
  return trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that is a trusted proxy; then X-Forwarded-For
 * is walked from the right (the hop nearest us), skipping trusted proxies, and the first
 * address that is not one is the client. Entries before it were written by the client itself
 * and are ignored. A malformed entry ends the walk at the last address we could trust.
 * @param {string} peer the socket's remote address
 * @param {string | string[] | undefined} forwardedFor
 * @param {net.BlockList} trusted
 */
export function clientAddress(peer, forwardedFor, trusted) {
  let client = plainAddress(peer);
  if (!isTrusted(trusted, client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((hop) => plainAddress(hop.trim()));
  for (let at = hops.length - 1; at >= 0; at--) {
    const hop = /** @type {string} */ (hops[at]);
    if (!net.isIP(hop)) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/**
 * States the client's address for the app and removes forwarding headers a trusted proxy did
 * not set. Mutates the request's headers in place, before Next sees them.
 * @param {import("node:http").IncomingMessage} req
 * @param {net.BlockList} trusted
 */
export function establishClient(req, trusted) {
  const peer = plainAddress(req.socket.remoteAddress ?? "");
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(peer, req.headers["x-forwarded-for"], trusted) || "unknown";
  if (!isTrusted(trusted, peer)) {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
  }
}
