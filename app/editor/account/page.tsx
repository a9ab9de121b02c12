import type { Metadata } from "next";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { OwnProfileForm } from "@/components/users/own-profile-form";
import { updateOwnProfileAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requireSessionUser("/editor/account");
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          Signed in as {me.email} ({me.role}). An admin changes emails, roles and passwords at Users.
        </p>
      </div>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          Profile
        </h2>
        <OwnProfileForm action={updateOwnProfileAction} name={me.name} />
      </section>
    </div>
  );
}
