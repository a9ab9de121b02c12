import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localDate } from "@/components/editor/local-dates";
import { withLocale } from "@/lib/i18n/locale-href";
import type { ManagedUserDto } from "@/db/users/managed-user";
import type { FormAction } from "@/components/editor/types";
import { StatusButtonForm } from "@/components/statuses/status-button-form";
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
  const t = useTranslations("editor.users");
  const locale = useLocale();
  const headingId = `user-${user.id}-name`;
  return (
    <li className="flex flex-col gap-3 p-4" aria-labelledby={headingId} data-testid="user-card">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-medium">
            {user.name}
            {isSelf ? <span className="font-normal text-[var(--color-muted)]">{t("you")}</span> : null}
          </h3>
          <p className="break-all text-sm text-[var(--color-muted)]">{user.email}</p>
        </div>
        <p className="flex flex-wrap gap-2">
          <span className={`${tag} border-[var(--color-rule)]`}>{user.role === "admin" ? t("roles.admin") : t("roles.editor")}</span>
          {user.deactivatedAt ? (
            <span className={`${tag} border-dashed border-[var(--color-muted)] text-[var(--color-muted)]`}>{t("deactivatedOn", { date: localDate(user.deactivatedAt.slice(0, 10), locale) })}</span>
          ) : (
            <span className={`${tag} border-[var(--color-rule)]`}>{t("active")}</span>
          )}
          {user.hasPassword ? null : <span className={`${tag} border-amber-300 bg-amber-50 text-amber-950`}>{t("noPassword")}</span>}
        </p>
      </div>
      <p className="text-xs text-[var(--color-muted)]">
        {t("added", { date: localDate(user.createdAt.slice(0, 10), locale) })} ·{" "}
        <Link href={withLocale(`/editor/audit?userId=${encodeURIComponent(user.id)}`, locale)} className="text-[var(--color-accent)] underline">
          {t.rich("auditLog", { name: user.name, hidden: (words) => <span className="sr-only">{words}</span> })}
        </Link>
      </p>
      {isSelf ? (
        <p className="text-sm text-[var(--color-muted)]">{t("self")}</p>
      ) : (
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <UserRoleForm action={actions.changeRole} user={user} />
          <div>
            {user.deactivatedAt ? (
              <StatusButtonForm action={actions.reactivate} values={{ userId: user.id }}>
                {t.rich("reactivate", { name: user.name, hidden: (words) => <span className="sr-only">{words}</span> })}
              </StatusButtonForm>
            ) : (
              <StatusButtonForm action={actions.deactivate} values={{ userId: user.id }}>
                {t.rich("deactivate", { name: user.name, hidden: (words) => <span className="sr-only">{words}</span> })}
              </StatusButtonForm>
            )}
          </div>
        </div>
      )}
      <UserPasswordForm action={actions.setPassword} user={user} isSelf={isSelf} />
    </li>
  );
}
