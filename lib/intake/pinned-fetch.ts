import "server-only";
import dns from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
import { isPublicAddress } from "./address-guard";
import { IntakeError } from "./intake-error";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * Resolves a host name for the socket that is about to connect, and refuses private
 * addresses right there. Checking the name before fetching is not enough: a DNS server can
 * answer with a public address for the check and a private one for the connection (DNS
 * rebinding). Here the address checked is the address connected to.
 */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as dns.LookupAddress[];
    const blocked = list.find((entry) => !isPublicAddress(entry.address));
    if (blocked || list.length === 0) {
      const refusal = new IntakeError("blocked_address", `Claimline only imports public web pages; ${hostname} resolves to a private or local network address.`);
      return callback(refusal as unknown as NodeJS.ErrnoException, []);
    }
    if (options.all) callback(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  });
}

const publicOnlyAgent = new Agent({ connect: { lookup: publicOnlyLookup } });

/** fetch whose connections can only reach public addresses (the guard runs at connect time). */
export const publicOnlyFetch: typeof fetch = (input, init) =>
  undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: publicOnlyAgent }) as unknown as Promise<Response>;

/** The IntakeError a refused connection carries, if that is why a fetch failed. */
export function blockedConnection(error: unknown): IntakeError | null {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e instanceof IntakeError) return e;
  }
  return null;
}
