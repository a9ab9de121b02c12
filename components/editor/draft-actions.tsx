"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "./types";

interface DraftActionsProps {
  eventId: number;
  publish: FormAction<{ eventId: number; claimId: number; currentStatus: string }>;
  discard: FormAction<{ eventId: number; claimId: number }>;
}

/** Publish a draft event (it becomes history) or discard it (it was never public). */
export function DraftActions({ eventId, publish, discard }: DraftActionsProps) {
  const t = useTranslations("editor.draftActions");
  const [publishState, publishAction, publishing] = useActionState(publish, null);
  const [discardState, discardAction, discarding] = useActionState(discard, null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ActionForm action={publishAction}>
        <input type="hidden" name="eventId" value={eventId} />
        <Button type="submit" variant="secondary" disabled={publishing}>
          {t("publish")}
        </Button>
      </ActionForm>
      <ActionForm action={discardAction}>
        <input type="hidden" name="eventId" value={eventId} />
        <Button type="submit" variant="quiet" disabled={discarding}>
          {t("discard")}
        </Button>
      </ActionForm>
      <FormStatus state={publishState && !publishState.ok ? publishState : discardState && !discardState.ok ? discardState : null} />
    </div>
  );
}
