import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { siteUrl } from "@/db/site-url";
import "./globals.css";

const DESCRIPTION = "Every checkable statement in the news, tied to its exact words, with its verification history.";

/** Per request, so the public URL comes from the running server's configuration, not the build's. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: "Claimline", template: "%s · Claimline" },
    description: DESCRIPTION,
    openGraph: { siteName: "Claimline", type: "website", title: "Claimline", description: DESCRIPTION },
    twitter: { card: "summary", title: "Claimline", description: DESCRIPTION },
    alternates: { types: { "application/atom+xml": [{ url: "/feeds/desk.atom", title: "Claimline: every status update" }] } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-[var(--color-surface)] focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
