"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { BLANK_STATUS, StatusFields } from "./status-fields";

/** Adds a status at the bottom of the scale. */
export function NewStatusForm({ action }: { action: FormAction<StatusDto> }) {
  const t = useTranslations("editor.statuses");
  const [state, formAction, pending] = useActionState(action, null);
  // The fields start afresh after each successful save, never after an error. Counted during
  // render (React's "adjust state when a prop changes" pattern) rather than by wrapping the
  // server action, so the form still posts without JavaScript.
  const [counted, setCounted] = useState(state);
  const [saves, setSaves] = useState(0);
  if (state !== counted) {
    setCounted(state);
    if (state?.ok) setSaves((n) => n + 1);
  }
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" key={saves}>
      <TextField
        id="new-status-key"
        label={t("key")}
        name="key"
        required
        minLength={2}
        maxLength={40}
        pattern="[a-z0-9_]{2,40}"
        error={errors.key}
        hint={t("keyHint")}
      />
      <StatusFields idPrefix="new-status" initial={BLANK_STATUS} errors={errors} />
      <FormStatus state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
    </ActionForm>
  );
}
