import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Providers } from "@/components/providers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/db/session";
import { withLocale } from "@/lib/i18n/locale-href";
import { editorClientMessages } from "@/messages/client-messages";

/** Editor pages need a signed-in editor or admin. (Mutations check again in the data layer.) */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const [user, locale, t] = await Promise.all([getSessionUser(), getLocale(), getTranslations("editor.nav")]);
  if (!user) redirect(withLocale("/sign-in?next=/editor", locale));
  const links = [
    { href: "/editor", label: t("articles") },
    { href: "/editor/queue", label: t("queue") },
    { href: "/editor/duplicates", label: t("duplicates") },
    { href: "/editor/tokens", label: t("tokens") },
    { href: "/editor/account", label: t("account") },
    ...(user.role === "admin"
      ? [
          { href: "/editor/desk", label: t("desk") },
          { href: "/editor/statuses", label: t("statuses") },
          { href: "/editor/backup", label: t("backup") },
          { href: "/editor/users", label: t("users") },
          { href: "/editor/audit", label: t("audit") },
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("label")} className="flex flex-wrap gap-4 border-b border-[var(--color-rule)] pb-3 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={withLocale(link.href, locale)} className="text-[var(--color-accent)] underline-offset-4 hover:underline">
            {link.label}
          </Link>
        ))}
      </nav>
      {/* The desk's words reach the browser only on editor pages: a nested provider replaces the root's messages. */}
      <NextIntlClientProvider messages={editorClientMessages(await getMessages())}>
        {/* Only the editor uses TanStack Query: reader pages do not load it. */}
        <Providers>{children}</Providers>
      </NextIntlClientProvider>
    </div>
  );
}
