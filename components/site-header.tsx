// Plain links, not next/link: its client code (2.8 kB gzipped) would load on every reader page
// for client-side navigation that reading pages do not need.
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/db/session";
import { signOutAction } from "@/app/sign-in/actions";
import { LanguageSwitch } from "@/components/language-switch";
import { withLocale } from "@/lib/i18n/locale-href";

export async function SiteHeader() {
  const [user, locale, t] = await Promise.all([getSessionUser(), getLocale(), getTranslations("common")]);
  const href = (path: string) => withLocale(path, locale);
  return (
    <header className="border-b border-[var(--color-rule)] bg-[var(--color-surface)]">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href={href("/")} className="text-lg font-semibold tracking-tight">
          {t("siteName")}
        </a>
        <nav aria-label={t("nav.label")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <a href={href("/")} className="inline-flex min-h-6 items-center hover:underline">
            {t("nav.tracker")}
          </a>
          <a href={href("/articles")} className="inline-flex min-h-6 items-center hover:underline">
            {t("nav.articles")}
          </a>
          {user ? (
            <>
              <a href={href("/editor")} className="inline-flex min-h-6 items-center hover:underline">
                {t("nav.editor")}
              </a>
              <span className="hidden text-[var(--color-muted)] sm:inline">{user.name}</span>
              <form action={signOutAction}>
                <button type="submit" className="min-h-6 underline hover:no-underline">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          ) : (
            <a href={href("/sign-in")} className="inline-flex min-h-6 items-center hover:underline">
              {t("nav.signIn")}
            </a>
          )}
          <LanguageSwitch locale={locale} />
        </nav>
      </div>
    </header>
  );
}
