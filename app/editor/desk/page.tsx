import type { Metadata } from "next";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { SecondApprovalForm } from "@/components/editor/second-approval-form";
import { getSecondApprovalSetting } from "@/db/reviews/second-approval-setting";
import { setSecondApprovalAction } from "../review-actions";

export const metadata: Metadata = { title: "Desk settings" };

export default async function DeskSettingsPage() {
  const me = await requireSessionUser("/editor/desk");
  if (me.role !== "admin") return <p>Only admins can change the desk settings.</p>;
  const { required } = getSecondApprovalSetting(me);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Desk settings</h1>
      <section aria-labelledby="review-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="review-heading" className="mb-3 text-lg font-semibold">
          Review before publishing
        </h2>
        <SecondApprovalForm required={required} action={setSecondApprovalAction} />
      </section>
    </div>
  );
}
