"use client";

import { useActionState } from "react";
import type { ImportSummary } from "@/db/backup/import-backup";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { errorsOf, type FormAction } from "./types";

/** Upload a JSON backup to restore; problems are listed and nothing is written unless all is valid. */
export function RestoreForm({ action }: { action: FormAction<ImportSummary> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3" encType="multipart/form-data">
      <TextField label="Backup file" name="backup" type="file" accept="application/json,.json" required error={errors.backup} />
      <SelectField label="Restore into" name="mode" defaultValue="empty-only" hint="Merging keeps existing rows and adds the backup's new ones; a conflicting row stops the restore.">
        <option value="empty-only">An empty desk only</option>
        <option value="merge">This desk, merging</option>
      </SelectField>
      {state && !state.ok ? (
        <pre role="alert" className="whitespace-pre-wrap rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {state.error}
        </pre>
      ) : (
        <FormStatus state={pending ? null : state} />
      )}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Restoring…" : "Restore backup"}
        </Button>
      </div>
    </ActionForm>
  );
}
