import type { Metadata } from "next";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserCard } from "@/components/users/user-card";
import { listUsers } from "@/db/users/list-users";
import { changeUserRoleAction, createUserAction, deactivateUserAction, reactivateUserAction, setUserPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const ACTIONS = { changeRole: changeUserRoleAction, deactivate: deactivateUserAction, reactivate: reactivateUserAction, setPassword: setUserPasswordAction };

export default async function UsersPage() {
  const me = await requireSessionUser("/editor/users");
  if (me.role !== "admin") return <p>Only admins can manage users.</p>;
  const users = listUsers(me);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          The editors and admins of this desk. Deactivating an account signs it out everywhere at once and stops its API tokens; what it did stays in the record.
        </p>
      </div>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2 text-lg font-semibold">
          Accounts ({users.length})
        </h2>
        <ul className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
          {users.map((user) => (
            <UserCard key={user.id} user={user} isSelf={user.id === me.userId} actions={ACTIONS} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-user-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="new-user-heading" className="mb-3 text-lg font-semibold">
          Add a user
        </h2>
        <NewUserForm action={createUserAction} />
      </section>
    </div>
  );
}
