import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { siteUrl } from "@/db/site-url";
import { clientMessages } from "@/messages/client-messages";
import "./globals.css";

/** Per request, so the public URL comes from the running server's configuration, not the build's. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const description = t("siteDescription");
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description,
    openGraph: { siteName: t("siteName"), type: "website", title: t("siteName"), description },
    twitter: { card: "summary", title: t("siteName"), description },
    alternates: { types: { "application/atom+xml": [{ url: "/feeds/desk.atom", title: t("deskFeedTitle") }] } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-[var(--color-surface)] focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
