import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RestoreForm } from "@/components/editor/restore-form";
import { getSessionUser } from "@/db/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("backup") };
}

export default async function BackupPage() {
  const user = await getSessionUser();
  const t = await getTranslations("editor.backup");
  if (user?.role !== "admin") return <p>{t("adminsOnly")}</p>;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("download")}</h2>
        <p className="text-sm text-[var(--color-muted)]">
          {t.rich("downloadIntro", { code: (words) => <code>{words}</code> })}
        </p>
        <p>
          <a href="/editor/backup/download" className="text-[var(--color-accent)] underline">
            {t("downloadLink")}
          </a>
        </p>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("restore")}</h2>
        <RestoreForm />
      </section>
    </div>
  );
}
