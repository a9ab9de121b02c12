"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { RecheckByDto } from "@/db/claims/set-recheck-by";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { FormStatus } from "@/components/ui/form-status";
import { localDate } from "./local-dates";
import { errorsOf, type FormAction } from "./types";

interface RecheckFormProps {
  action: FormAction<RecheckByDto>;
  claimId: number;
  /** YYYY-MM-DD, or null when none is set. */
  recheckBy: string | null;
}

/**
 * Sets or clears the date by which the claim should be looked at again. "Clear" is its own
 * small form posting a blank date, so it works without JavaScript and never sends the date
 * typed in the field beside it.
 */
export function RecheckForm({ action, claimId, recheckBy }: RecheckFormProps) {
  const t = useTranslations("editor.recheck");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  const current = state?.ok ? state.data.recheckBy : recheckBy;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <ActionForm action={formAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="claimId" value={claimId} />
          {/* Keyed on the saved date so the field shows it again after a save or a clear. */}
          <FlexibleDateInput key={current ?? ""} id={`recheck-by-${claimId}`} label={t("label")} name="recheckBy" defaultValue={current ?? ""} error={errors.recheckBy} />
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </ActionForm>
        {current ? (
          <ActionForm action={formAction}>
            <input type="hidden" name="claimId" value={claimId} />
            <input type="hidden" name="recheckBy" value="" />
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("clear")}
            </Button>
          </ActionForm>
        ) : null}
      </div>
      <p className="text-sm text-[var(--color-muted)]">{current ? t("due", { date: localDate(current, locale) }) : t("none")}</p>
      <FormStatus state={state} />
    </div>
  );
}
