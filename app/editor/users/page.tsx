import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserCard } from "@/components/users/user-card";
import { listUsers } from "@/db/users/list-users";
import { changeUserRoleAction, createUserAction, deactivateUserAction, reactivateUserAction, setUserPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("users") };
}

const ACTIONS = { changeRole: changeUserRoleAction, deactivate: deactivateUserAction, reactivate: reactivateUserAction, setPassword: setUserPasswordAction };

export default async function UsersPage() {
  const me = await requireSessionUser("/editor/users");
  const t = await getTranslations("editor.users");
  if (me.role !== "admin") return <p>{t("adminsOnly")}</p>;
  const users = await listUsers(me);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          {t("intro")}
        </p>
      </div>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2 text-lg font-semibold">
          {t("accounts", { count: users.length })}
        </h2>
        <ul className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
          {users.map((user) => (
            <UserCard key={user.id} user={user} isSelf={user.id === me.userId} actions={ACTIONS} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-user-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="new-user-heading" className="mb-3 text-lg font-semibold">
          {t("addHeading")}
        </h2>
        <NewUserForm action={createUserAction} />
      </section>
    </div>
  );
}
