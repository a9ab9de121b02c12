"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { setupAction } from "./actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, null);
  const fields = state?.ok === false ? state.fields : undefined;
  const t = useTranslations("auth.setup");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <TextField label={t("name")} name="name" autoComplete="name" required error={fields?.name} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required error={fields?.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" minLength={10} required hint={t("passwordHint")} error={fields?.password} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </ActionForm>
  );
}
