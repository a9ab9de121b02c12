"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";

/** The signed-in editor's own name, as reports and the audit log show it. */
export function OwnProfileForm({ action, name }: { action: FormAction<{ name: string }>; name: string }) {
  const t = useTranslations("editor.account");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4">
      <TextField id="own-name" label={t("name")} name="name" required maxLength={100} autoComplete="name" defaultValue={name} error={errors.name} />
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </ActionForm>
  );
}
