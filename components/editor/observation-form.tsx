"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField, UrlField, URL_PLACEHOLDER } from "@/components/ui/field";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { FormStatus } from "@/components/ui/form-status";
import { errorsOf, type FormAction } from "./types";

/** Record a later value of a quantity claim's figure (e.g. the valuation as reported since), with its source. */
export function ObservationForm({ action, claimId, unit }: { action: FormAction<{ observationId: number; claimId: number }>; claimId: number; unit: string }) {
  const t = useTranslations("editor.observation");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3" resetKey={state?.ok ? state.data.observationId : undefined}>
      <input type="hidden" name="claimId" value={claimId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("value")} name="value" id="obs-value" inputMode="decimal" required error={errors.value} hint={t("valueHint")} />
        <TextField label={t("unit")} name="unit" id="obs-unit" defaultValue={unit} error={errors.unit} />
        <FlexibleDateInput label={t("date")} name="observedOn" id="obs-date" required error={errors.observedOn} />
      </div>
      <TextField label={t("note")} name="note" id="obs-note" error={errors.note} />
      <div className="grid gap-3 sm:grid-cols-2">
        <UrlField label={t("sourceUrl")} name="source.url" id="obs-source-url" placeholder={URL_PLACEHOLDER} error={errors["source.url"]} />
        <TextField label={t("sourceTitle")} name="source.title" id="obs-source-title" error={errors["source.title"]} />
      </div>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
