"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField, UrlField } from "@/components/ui/field";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { FormStatus } from "@/components/ui/form-status";
import { errorsOf, type FormAction } from "./types";

/** Record a later value of a quantity claim's figure (e.g. the valuation as reported since), with its source. */
export function ObservationForm({ action, claimId, unit }: { action: FormAction<{ observationId: number; claimId: number }>; claimId: number; unit: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3" resetKey={state?.ok ? state.data.observationId : undefined}>
      <input type="hidden" name="claimId" value={claimId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Value" name="value" id="obs-value" inputMode="decimal" required error={errors.value} hint="As a plain number: 157000000000." />
        <TextField label="Unit" name="unit" id="obs-unit" defaultValue={unit} error={errors.unit} />
        <FlexibleDateInput label="Date of the value" name="observedOn" id="obs-date" required error={errors.observedOn} />
      </div>
      <TextField label="Note" name="note" id="obs-note" error={errors.note} />
      <div className="grid gap-3 sm:grid-cols-2">
        <UrlField label="Source URL" name="source.url" id="obs-source-url" placeholder="https://" error={errors["source.url"]} />
        <TextField label="Source title" name="source.title" id="obs-source-title" error={errors["source.title"]} />
      </div>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Record value
        </Button>
      </div>
    </ActionForm>
  );
}
