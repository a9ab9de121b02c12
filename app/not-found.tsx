import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.notFound");
  return { title: t("metaTitle") };
}

/**
 * The 404 page, in the site's layout. Next's built-in one is not valid HTML inside a root layout
 * that has its own title: it adds a second <title> and a <style> in the body (Nu HTML Checker).
 * A page that calls notFound() still gets Next's bare error shell (vercel/next.js#62228).
 */
export default async function NotFound() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("reader.notFound")]);
  return (
    <div className="py-12">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-3 text-[var(--color-muted)]">{t("text")}</p>
      <p className="mt-6">
        <Link href={withLocale("/", locale)} className="text-[var(--color-accent)] underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
