"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const t = useTranslations("auth.signIn");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required error={state?.ok === false ? state.fields?.email : undefined} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
    </ActionForm>
  );
}
