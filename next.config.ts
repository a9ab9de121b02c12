import type { NextConfig } from "next";
import { MAX_ACTION_REQUEST_BYTES } from "./lib/upload-limits";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Forms post whole articles to server actions: room for a 2 MB body (the limit validation
    // enforces with a clear message) and the form's other fields. Beyond this Next answers 413 itself.
    serverActions: { bodySizeLimit: "5mb" },
  },
  // Loaded by Node at run time, never bundled: a native module, and the PDF printer.
  serverExternalPackages: ["better-sqlite3", "playwright-core"],
  experimental: {
    // A backup restore uploads the whole file through a server action. Next's defaults refuse
    // action bodies over 1 MB, and cut bodies passing through the proxy (proxy.ts matches
    // /editor/*) at 10 MB, so any real desk's backup failed with a bare error page.
    serverActions: { bodySizeLimit: MAX_ACTION_REQUEST_BYTES },
    proxyClientMaxBodySize: MAX_ACTION_REQUEST_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
