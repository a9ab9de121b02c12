"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { UserDto } from "@/db/users/create-user";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PasswordField } from "./password-field";

/** Adds an editor or admin with a first password (there is no public sign-up). */
export function NewUserForm({ action }: { action: FormAction<UserDto> }) {
  const t = useTranslations("editor.users");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" resetKey={state?.ok ? state.data.id : undefined}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="new-user-name" label={t("name")} name="name" required maxLength={100} autoComplete="off" error={errors.name} />
        <TextField id="new-user-email" label={t("email")} name="email" type="email" required maxLength={254} autoComplete="off" error={errors.email} />
        <SelectField id="new-user-role" label={t("role")} name="role" defaultValue="editor" error={errors.role}>
          <option value="editor">{t("roles.editor")}</option>
          <option value="admin">{t("roles.admin")}</option>
        </SelectField>
        <PasswordField id="new-user-password" label={t("initialPassword")} error={errors.password} note={t("initialPasswordNote")} />
      </div>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
    </ActionForm>
  );
}
