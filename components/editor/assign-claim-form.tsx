"use client";

import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { AssigneeDto } from "@/db/claims/assign-claim";
import type { FormAction } from "./types";

interface AssignClaimFormProps {
  claimId: number;
  assigneeId: string | null;
  editors: AssigneeDto[];
  action: FormAction<{ claimId: number; assigneeId: string | null }>;
  /** Called after a successful save (the workbench refetches its claims). */
  onSaved?: () => void;
}

/** Who works on this claim next: shown first on their /editor page. */
export function AssignClaimForm({ claimId, assigneeId, editors, action, onSaved }: AssignClaimFormProps) {
  const t = useTranslations("editor.assign");
  const [state, formAction, saving] = useActionState(action, null);
  const id = useId();
  useEffect(() => {
    if (state?.ok) onSaved?.();
  }, [state, onSaved]);
  return (
    <ActionForm action={formAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="claimId" value={claimId} />
      <div className="min-w-48 flex-1">
        <SelectField id={id} name="assigneeId" label={t("label")} defaultValue={assigneeId ?? ""}>
          <option value="">{t("nobody")}</option>
          {editors.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={saving}>
        {t("save")}
      </Button>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </ActionForm>
  );
}
