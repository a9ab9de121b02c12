import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { OwnProfileForm } from "@/components/users/own-profile-form";
import { updateOwnProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("account") };
}

export default async function AccountPage() {
  const me = await requireSessionUser("/editor/account");
  const t = await getTranslations("editor.account");
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          {t("signedInAs", { email: me.email, role: t(`roles.${me.role}`) })}
        </p>
      </div>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          {t("profile")}
        </h2>
        <OwnProfileForm action={updateOwnProfileAction} name={me.name} />
      </section>
    </div>
  );
}
