"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { UnlinkedMentionDto } from "@/db/claims/unlink-mention";
import type { FormAction } from "./types";

/**
 * Splits one mention off into a claim of its own, when it was linked to this claim by
 * mistake. The events stay on this claim (they were judged for it); the new claim starts
 * unverified. The data layer refuses it for a claim's only mention.
 */
export function UnlinkMentionForm({ mentionId, action }: { mentionId: number; action: FormAction<UnlinkedMentionDto> }) {
  const t = useTranslations("editor.unlinkMention");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="mentionId" value={mentionId} />
      <Button type="submit" variant="quiet" disabled={pending}>
        {t("submit")}
      </Button>
      <FormStatus state={state && !state.ok ? state : null} />
    </ActionForm>
  );
}
