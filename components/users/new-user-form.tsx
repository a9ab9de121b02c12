"use client";

import { useActionState } from "react";
import type { UserDto } from "@/db/users/create-user";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PasswordField } from "./password-field";

/** Adds an editor or admin with a first password (there is no public sign-up). */
export function NewUserForm({ action }: { action: FormAction<UserDto> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" resetKey={state?.ok ? state.data.id : undefined}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="new-user-name" label="Name" name="name" required maxLength={100} autoComplete="off" error={errors.name} />
        <TextField id="new-user-email" label="Email" name="email" type="email" required maxLength={254} autoComplete="off" error={errors.email} />
        <SelectField id="new-user-role" label="Role" name="role" defaultValue="editor" error={errors.role}>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </SelectField>
        <PasswordField id="new-user-password" label="Initial password" error={errors.password} note=" Pass it on to them yourself." />
      </div>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </ActionForm>
  );
}
