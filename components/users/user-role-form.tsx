"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ManagedUserDto } from "@/db/users/managed-user";
import type { FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";

/** Makes an account editor or admin. */
export function UserRoleForm({ action, user }: { action: FormAction<ManagedUserDto>; user: ManagedUserDto }) {
  const t = useTranslations("editor.users");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex items-end gap-2">
        <SelectField id={`role-${user.id}`} label={t("role")} name="role" defaultValue={user.role}>
          <option value="editor">{t("roles.editor")}</option>
          <option value="admin">{t("roles.admin")}</option>
        </SelectField>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t.rich("saveRole", { name: user.name, hidden: (words) => <span className="sr-only">{words}</span> })}
        </Button>
      </div>
      <FormStatus state={pending ? null : state} />
    </ActionForm>
  );
}
