import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { countUsers } from "@/db/users/first-admin";
import { withLocale } from "@/lib/i18n/locale-href";
import { SetupForm } from "./setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.setup");
  return { title: t("metaTitle") };
}

export default async function SetupPage() {
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("auth.setup")]);
  if (await countUsers() > 0) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-semibold">{t("finishedHeading")}</h1>
        <p>
          {t.rich("finished", {
            link: (chunks) => (
              <Link href={withLocale("/sign-in", locale)} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("heading")}</h1>
      <p className="mb-6 text-sm text-[var(--color-muted)]">{t("intro")}</p>
      <SetupForm />
    </div>
  );
}
