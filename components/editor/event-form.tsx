"use client";

import { useActionState, useState } from "react";
import type { EditorTimelineEventDto } from "@/db/events/timeline";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { formatDate } from "@/lib/format";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import { errorsOf, type FormAction } from "./types";

interface EventFormProps {
  action: FormAction<RecordedEventDto>;
  claimId: number;
  statuses: StatusDto[];
  /** Published events this one may correct. */
  correctable: EditorTimelineEventDto[];
}

const MAX_SOURCES = 20;

/** Record a status event: status, when it became so, why, and the sources. */
export function EventForm({ action, claimId, statuses, correctable }: EventFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [sourceRows, setSourceRows] = useState(1);
  const errors = errorsOf(state);
  const saved = state?.ok ? state.data.eventId : undefined;
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" resetKey={saved}>
      <input type="hidden" name="claimId" value={claimId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Status" name="statusKey" required defaultValue="" error={errors.statusKey}>
          <option value="" disabled>
            Choose a status…
          </option>
          {statuses
            .filter((s) => !s.retired)
            .map((s) => (
              <option key={s.key} value={s.key}>
                {s.labelEn} · {s.labelZh}
              </option>
            ))}
        </SelectField>
        <TextField
          label="Effective date"
          name="effectiveDate"
          required
          placeholder="YYYY-MM-DD"
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          error={errors.effectiveDate}
          hint="When it became so in the world: 2025-08-05, 2025-08 or 2025."
        />
      </div>
      <TextArea label="Rationale (public)" name="rationale" rows={3} error={errors.rationale} />
      <TextArea label="Internal note (editors only)" name="internalNote" rows={2} error={errors.internalNote} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Visibility" name="visibility" defaultValue="published" error={errors.visibility} hint="Drafts are visible to editors only.">
          <option value="published">Publish now</option>
          <option value="draft">Save as draft</option>
        </SelectField>
        <SelectField label="Corrects" name="correctsEventId" defaultValue="" error={errors.correctsEventId} hint="Only to correct a published entry that was wrong.">
          <option value="">Not a correction</option>
          {correctable.map((e) => (
            <option key={e.id} value={e.id}>
              {formatDate(e.effectiveDate, e.effectivePrecision)} · {statuses.find((s) => s.key === e.statusKey)?.labelEn ?? e.statusKey}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-[var(--color-rule)] p-4">
        <legend className="px-1 text-sm font-medium">Sources</legend>
        {Array.from({ length: sourceRows }, (_, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-2" role="group" aria-label={`Source ${i + 1}`}>
            <TextField label={`Source ${i + 1} URL`} name={`sources.${i}.url`} type="url" placeholder="https://" error={errors[`sources.${i}.url`]} />
            <TextField label={`Source ${i + 1} title`} name={`sources.${i}.title`} error={errors[`sources.${i}.title`]} />
            <TextField label={`Source ${i + 1} publisher`} name={`sources.${i}.publisher`} error={errors[`sources.${i}.publisher`]} />
            <TextField label={`Source ${i + 1} date`} name={`sources.${i}.publishedDate`} type="date" error={errors[`sources.${i}.publishedDate`]} />
            <TextField label={`Source ${i + 1} archived copy URL`} name={`sources.${i}.archivedUrl`} type="url" placeholder="https://" error={errors[`sources.${i}.archivedUrl`]} />
          </div>
        ))}
        {sourceRows < MAX_SOURCES ? (
          <div>
            <Button type="button" variant="secondary" onClick={() => setSourceRows((n) => n + 1)}>
              Add another source
            </Button>
          </div>
        ) : null}
      </fieldset>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record status"}
        </Button>
      </div>
    </ActionForm>
  );
}
