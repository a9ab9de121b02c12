import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its per-request configuration (locale, messages) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

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
    // enforces with a clear message) and the form's other fields. Beyond this Next answers 413
    // itself. Kept small because anyone can post to an action (sign-in) before it authorises;
    // backups, which can be 200 MB, are uploaded to their own route (app/editor/backup/restore).
    serverActions: { bodySizeLimit: "5mb" },
  },
  // Loaded by Node at run time, never bundled: a native module, and the PDF printer.
  serverExternalPackages: ["better-sqlite3", "playwright-core"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Editor pages (drafts, previews, review queues) are for the desk only, never for search engines.
      { source: "/editor/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
