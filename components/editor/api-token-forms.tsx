"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ApiTokenDto } from "@/db/tokens/api-tokens";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { errorsOf, type FormAction } from "./types";

/** Create a token; the new token is shown here once, then only its prefix is ever shown. */
export function CreateTokenForm({ action }: { action: FormAction<ApiTokenDto & { token: string }> }) {
  const t = useTranslations("editor.tokens");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3" resetKey={state?.ok ? state.data.id : undefined}>
      <TextField label={t("name")} name="name" required error={errors.name} hint={t("nameHint")} />
      <FormStatus state={pending ? null : state} />
      {state?.ok ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <span className="font-medium">{t("newToken")}</span>{" "}
          <code className="break-all" data-testid="new-token">
            {state.data.token}
          </code>
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </ActionForm>
  );
}

export function RevokeTokenForm({ action, token }: { action: FormAction<{ id: number }>; token: ApiTokenDto }) {
  const t = useTranslations("editor.tokens");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="inline">
      <input type="hidden" name="id" value={token.id} />
      <Button type="submit" variant="quiet" disabled={pending} aria-label={t("revokeLabel", { name: token.name })}>
        {t("revoke")}
      </Button>
      {state && !state.ok ? <FormStatus state={state} /> : null}
    </ActionForm>
  );
}
