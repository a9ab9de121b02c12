import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { SecondApprovalForm } from "@/components/editor/second-approval-form";
import { getSecondApprovalSetting } from "@/db/reviews/second-approval-setting";
import { setSecondApprovalAction } from "../review-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("desk") };
}

export default async function DeskSettingsPage() {
  const me = await requireSessionUser("/editor/desk");
  const t = await getTranslations("editor.desk");
  if (me.role !== "admin") return <p>{t("adminsOnly")}</p>;
  const { required } = await getSecondApprovalSetting(me);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="review-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="review-heading" className="mb-3 text-lg font-semibold">
          {t("review")}
        </h2>
        <SecondApprovalForm required={required} action={setSecondApprovalAction} />
      </section>
    </div>
  );
}
