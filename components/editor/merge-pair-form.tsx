"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "./types";

interface MergePairFormProps {
  first: { id: number; statement: string };
  second: { id: number; statement: string };
  action: FormAction<{ claimId: number }>;
}

/** Merge either claim of a likely pair into the other: the survivor keeps its id and URL, the other's page redirects to it. */
export function MergePairForm({ first, second, action }: MergePairFormProps) {
  const t = useTranslations("editor.duplicates");
  const [state, formAction, pending] = useActionState(action, null);
  const option = (target: typeof first, source: typeof first, label: string) => (
    <ActionForm action={formAction}>
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="sourceId" value={source.id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("mergeLabel", { source: source.id, target: target.id })}>
        {label}
      </Button>
    </ActionForm>
  );
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      {option(first, second, t("keep", { kept: first.id, merged: second.id }))}
      {option(second, first, t("keep", { kept: second.id, merged: first.id }))}
      <FormStatus state={pending ? null : state} />
    </div>
  );
}
