import Link from "next/link";
import type { ManagedUserDto } from "@/db/users/managed-user";
import type { FormAction } from "@/components/editor/types";
import { StatusButtonForm } from "@/components/statuses/status-button-form";
import { formatDate } from "@/lib/format";
import { UserPasswordForm } from "./user-password-form";
import { UserRoleForm } from "./user-role-form";

export interface UserActions {
  changeRole: FormAction<ManagedUserDto>;
  deactivate: FormAction<ManagedUserDto>;
  reactivate: FormAction<ManagedUserDto>;
  setPassword: FormAction<ManagedUserDto>;
}

const tag = "rounded-full border px-2 py-0.5 text-xs font-medium";

/** One account on the users screen: who, role and state in words, and what an admin can do to it. */
export function UserCard({ user, isSelf, actions }: { user: ManagedUserDto; isSelf: boolean; actions: UserActions }) {
  const headingId = `user-${user.id}-name`;
  return (
    <li className="flex flex-col gap-3 p-4" aria-labelledby={headingId} data-testid="user-card">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-medium">
            {user.name}
            {isSelf ? <span className="font-normal text-[var(--color-muted)]"> (you)</span> : null}
          </h3>
          <p className="break-all text-sm text-[var(--color-muted)]">{user.email}</p>
        </div>
        <p className="flex flex-wrap gap-2">
          <span className={`${tag} border-[var(--color-rule)]`}>{user.role === "admin" ? "Admin" : "Editor"}</span>
          {user.deactivatedAt ? (
            <span className={`${tag} border-dashed border-[var(--color-muted)] text-[var(--color-muted)]`}>Deactivated {formatDate(user.deactivatedAt.slice(0, 10))}</span>
          ) : (
            <span className={`${tag} border-[var(--color-rule)]`}>Active</span>
          )}
          {user.hasPassword ? null : <span className={`${tag} border-amber-300 bg-amber-50 text-amber-950`}>No password yet</span>}
        </p>
      </div>
      <p className="text-xs text-[var(--color-muted)]">
        Added {formatDate(user.createdAt.slice(0, 10))} ·{" "}
        <Link href={`/editor/audit?userId=${encodeURIComponent(user.id)}`} className="text-[var(--color-accent)] underline">
          Audit log<span className="sr-only"> of {user.name}</span>
        </Link>
      </p>
      {isSelf ? (
        <p className="text-sm text-[var(--color-muted)]">You cannot change your own role or deactivate yourself; another admin can.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <UserRoleForm action={actions.changeRole} user={user} />
          <div>
            {user.deactivatedAt ? (
              <StatusButtonForm action={actions.reactivate} values={{ userId: user.id }}>
                Reactivate<span className="sr-only"> {user.name}</span>
              </StatusButtonForm>
            ) : (
              <StatusButtonForm action={actions.deactivate} values={{ userId: user.id }}>
                Deactivate<span className="sr-only"> {user.name}</span>
              </StatusButtonForm>
            )}
          </div>
        </div>
      )}
      <UserPasswordForm action={actions.setPassword} user={user} isSelf={isSelf} />
    </li>
  );
}
