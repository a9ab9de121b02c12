import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/db/session";
import { withLocale } from "@/lib/i18n/locale-href";
import { safeNextPath } from "@/lib/validation";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("metaTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("auth.signIn")]);
  if (await getSessionUser()) redirect(withLocale(target, locale));
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("heading")}</h1>
      <p className="mb-6 text-sm text-[var(--color-muted)]">{t("intro")}</p>
      <SignInForm next={target} />
    </div>
  );
}
