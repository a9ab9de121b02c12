"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { setupAction } from "./actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, null);
  const fields = state?.ok === false ? state.fields : undefined;
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <TextField label="Your name" name="name" autoComplete="name" required error={fields?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required error={fields?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." error={fields?.password} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        Create admin account
      </Button>
    </ActionForm>
  );
}
