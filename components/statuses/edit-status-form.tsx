"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { errorsOf, type FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { StatusFields } from "./status-fields";

/** Renames, recolours or re-icons one status; its key stays, so past events follow the change. */
export function EditStatusForm({ action, status }: { action: FormAction<StatusDto>; status: StatusDto }) {
  const t = useTranslations("editor.statuses");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="key" value={status.key} />
      <StatusFields idPrefix={`status-${status.key}`} initial={status} errors={errorsOf(state)} />
      <FormStatus state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save", { label: status.labelEn })}
        </Button>
      </div>
    </ActionForm>
  );
}
