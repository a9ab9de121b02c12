"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "./types";

/** The desk's "cross-check" switch: a checkbox and a save button (works without JavaScript too). */
export function SecondApprovalForm({ required, action }: { required: boolean; action: FormAction<{ required: boolean }> }) {
  const t = useTranslations("editor.secondApproval");
  const [state, formAction, saving] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3">
      <label className="flex min-h-6 items-start gap-3">
        <input type="checkbox" name="required" defaultChecked={required} className="mt-1 h-5 w-5" />
        <span>
          <span className="font-medium">{t("label")}</span>
          <span className="block text-sm text-[var(--color-muted)]">
            {t("explanation")}
          </span>
        </span>
      </label>
      <Button type="submit" disabled={saving} className="self-start">
        {t("save")}
      </Button>
      <FormStatus state={state} />
    </ActionForm>
  );
}
