import { spawnSync } from "node:child_process";
import net from "node:net";

/**
 * A network namespace of its own for one app node (Linux `ip netns`, needs root or
 * CAP_NET_ADMIN): a loopback, and one veth pair to the test's namespace. The node inside is
 * reached at `address`; from inside, the test's namespace is `hostAddress`, where `relay()`
 * forwards a port to a service that only listens on the test's 127.0.0.1 (the throwaway
 * PostgreSQL cluster does: test/postgres/cluster.ts), as a database host on the network would.
 */
export interface NetworkNamespace {
  name: string;
  /** The node's side of the link: where the test reaches a server inside. */
  address: string;
  /** The test's side of the link: where a server inside reaches the test's relays. */
  hostAddress: string;
  /** The argv prefix that runs a command inside the namespace. */
  exec: string[];
  /** Forwards `hostAddress:port` to `127.0.0.1:port`; closed by remove(). */
  relay(port: number): Promise<void>;
  remove(): void;
}

function ip(...args: string[]): void {
  const result = spawnSync("ip", args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`ip ${args.join(" ")}: ${result.error?.message ?? result.stderr.trim()}`);
}

function quietly(...args: string[]): void {
  spawnSync("ip", args, { stdio: "ignore" });
}

/** Forwards every connection to `listenHost:port` to the same port on 127.0.0.1, byte for byte. */
function tcpRelay(listenHost: string, port: number, connections: Set<net.Socket>): Promise<net.Server> {
  const server = net.createServer((inbound) => {
    const outbound = net.connect(port, "127.0.0.1");
    for (const socket of [inbound, outbound]) {
      connections.add(socket);
      socket.once("close", () => connections.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
    // A node killed mid-query resets its side: end the other side too, as a real network would.
    inbound.on("error", () => outbound.destroy());
    outbound.on("error", () => inbound.destroy());
    inbound.on("close", () => outbound.destroy());
    outbound.on("close", () => inbound.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, listenHost, () => resolve(server));
  });
}

/**
 * Creates namespace `name` linked to ours over 10.<subnet>.0/30 (.1 ours, .2 its). A namespace
 * left by an earlier run that died is removed first. Throws when `ip netns` is not allowed here.
 */
export function createNetworkNamespace(name: string, subnet: number): NetworkNamespace {
  // Interface names are limited to 15 bytes.
  const outside = `${name.slice(0, 12)}-h`;
  const inside = `${name.slice(0, 12)}-n`;
  const hostAddress = `10.${subnet}.0.1`;
  const address = `10.${subnet}.0.2`;
  quietly("netns", "del", name);
  quietly("link", "del", outside);
  const relays: net.Server[] = [];
  const connections = new Set<net.Socket>();
  const remove = () => {
    for (const relay of relays) relay.close();
    for (const socket of connections) socket.destroy();
    // Deleting the namespace deletes the veth pair with it.
    quietly("netns", "del", name);
    quietly("link", "del", outside);
    process.removeListener("exit", remove);
  };
  // Should the test process die, leave no namespace or interface behind.
  process.once("exit", remove);
  try {
    ip("netns", "add", name);
    ip("link", "add", outside, "type", "veth", "peer", "name", inside);
    ip("link", "set", inside, "netns", name);
    ip("addr", "add", `${hostAddress}/30`, "dev", outside);
    ip("link", "set", outside, "up");
    ip("-n", name, "link", "set", "lo", "up");
    ip("-n", name, "addr", "add", `${address}/30`, "dev", inside);
    ip("-n", name, "link", "set", inside, "up");
  } catch (error) {
    remove();
    throw error;
  }
  return {
    name,
    address,
    hostAddress,
    exec: ["ip", "netns", "exec", name],
    async relay(port) {
      relays.push(await tcpRelay(hostAddress, port, connections));
    },
    remove,
  };
}
