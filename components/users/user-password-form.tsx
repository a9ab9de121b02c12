"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ManagedUserDto } from "@/db/users/managed-user";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { PasswordField } from "./password-field";

/** Sets a user's password, behind a disclosure so the list stays short. Works without JavaScript. */
export function UserPasswordForm({ action, user, isSelf }: { action: FormAction<ManagedUserDto>; user: ManagedUserDto; isSelf: boolean }) {
  const t = useTranslations("editor.users");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  const title = user.hasPassword ? t("setNewPassword") : t("setPassword");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-[var(--color-accent)] underline-offset-4 hover:underline">
        {title}
        <span className="sr-only">{t("forUser", { name: user.name })}</span>
      </summary>
      <ActionForm action={formAction} className="mt-3 flex max-w-md flex-col gap-3" resetKey={state?.ok ? state : undefined}>
        <input type="hidden" name="userId" value={user.id} />
        <PasswordField id={`password-${user.id}`} label={t("newPassword")} error={errors.password} note={isSelf ? t("ownPasswordNote") : t("passwordNote")} />
        <FormStatus state={pending ? null : state} />
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("savePassword")}
          </Button>
        </div>
      </ActionForm>
    </details>
  );
}
