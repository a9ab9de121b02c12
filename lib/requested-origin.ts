/**
 * The origin the browser addressed a request to, as far as the server can tell: the host a
 * trusted proxy forwarded (server/client-address.mjs deletes X-Forwarded-Host from anyone
 * else), else the Host header. A browser cannot forge either on a cross-site request, so an
 * Origin that names this host is this site's own page. Null when there is no usable host.
 */
export function requestedOrigin(headers: Pick<Headers, "get">): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const candidate = `${proto}://${host}`;
  return URL.canParse(candidate) ? new URL(candidate).origin : null;
}
