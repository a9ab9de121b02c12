"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { EditorTimelineEventDto } from "@/db/events/timeline";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField, UrlField, URL_PLACEHOLDER } from "@/components/ui/field";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { FormStatus } from "@/components/ui/form-status";
import { TextLanguageSelect } from "@/components/ui/text-language-select";
import { DATE_PRECISIONS } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import { errorsOf, type FormAction } from "./types";

interface EventFormProps {
  action: FormAction<RecordedEventDto>;
  claimId: number;
  statuses: StatusDto[];
  /** Published events this one may correct; none (as in the workbench) leaves corrections to the claim's page. */
  correctable: EditorTimelineEventDto[];
  /** Prefixes the fields' ids, so several forms (one per claim in the workbench) can share a page. */
  idPrefix?: string;
  /** Called once per event recorded, e.g. for the workbench to show the claim's new status. */
  onRecorded?: (event: RecordedEventDto) => void;
}

const MAX_SOURCES = 20;

/** The public rationale and, next to it, its language: detected as it is typed, or chosen. */
function RationaleFields({ id, errors }: { id: (field: string) => string; errors: Record<string, string | undefined> }) {
  const t = useTranslations("editor.eventForm");
  const [text, setText] = useState("");
  const [language, setLanguage] = useState("");
  return (
    <div className="flex flex-col gap-2">
      <TextArea id={id("rationale")} label={t("rationale")} name="rationale" rows={3} error={errors.rationale} onChange={(event) => setText(event.target.value)} />
      <div className="max-w-xs">
        <TextLanguageSelect id={id("rationale-language")} name="rationaleLanguage" field="rationale" text={text} value={language} onChange={setLanguage} error={errors.rationaleLanguage} />
      </div>
    </div>
  );
}

/** Record a status event: status, when it became so, why, and the sources. */
export function EventForm({ action, claimId, statuses, correctable, idPrefix = "event", onRecorded }: EventFormProps) {
  const t = useTranslations("editor.eventForm");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const [sourceRows, setSourceRows] = useState(1);
  const errors = errorsOf(state);
  const saved = state?.ok ? state.data : undefined;
  // Once per event, however often the parent re-renders with a new callback.
  const notified = useRef<number | null>(null);
  useEffect(() => {
    if (saved && notified.current !== saved.eventId) {
      notified.current = saved.eventId;
      onRecorded?.(saved);
    }
  }, [saved, onRecorded]);
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" resetKey={saved?.eventId}>
      <input type="hidden" name="claimId" value={claimId} />
      <div className="grid gap-4 [grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr))]">
        <SelectField id={id("status")} label={t("status")} name="statusKey" required defaultValue="" error={errors.statusKey}>
          <option value="" disabled>
            {t("chooseStatus")}
          </option>
          {statuses
            .filter((s) => !s.retired)
            .map((s) => (
              <option key={s.key} value={s.key}>
                {s.labelEn} · {s.labelZh}
              </option>
            ))}
        </SelectField>
        <FlexibleDateInput
          id={id("effective-date")}
          label={t("effectiveDate")}
          name="effectiveDate"
          required
          precisions={DATE_PRECISIONS}
          error={errors.effectiveDate}
          hint={t("effectiveDateHint")}
        />
      </div>
      {/* Remounted after each save, as the form resets: the language goes back to "detect". */}
      <RationaleFields key={saved?.eventId} id={id} errors={errors} />
      <TextArea id={id("internal-note")} label={t("internalNote")} name="internalNote" rows={2} error={errors.internalNote} />
      <div className="grid gap-4 [grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr))]">
        <SelectField id={id("visibility")} label={t("visibility")} name="visibility" defaultValue="published" error={errors.visibility} hint={t("visibilityHint")}>
          <option value="published">{t("publishNow")}</option>
          <option value="draft">{t("saveDraft")}</option>
        </SelectField>
        {correctable.length > 0 ? (
          <SelectField id={id("corrects")} label={t("corrects")} name="correctsEventId" defaultValue="" error={errors.correctsEventId} hint={t("correctsHint")}>
            <option value="">{t("notCorrection")}</option>
            {correctable.map((e) => (
              <option key={e.id} value={e.id}>
                {formatDate(e.effectiveDate, e.effectivePrecision)} · {statusLabel(statuses.find((s) => s.key === e.statusKey), locale) ?? e.statusKey}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-[var(--color-rule)] p-4">
        <legend className="px-1 text-sm font-medium">{t("sources")}</legend>
        {Array.from({ length: sourceRows }, (_, i) => (
          <div key={i} className="grid gap-3 [grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr))]" role="group" aria-label={t("source", { number: i + 1 })}>
            <UrlField id={id(`source-${i}-url`)} label={t("sourceUrl", { number: i + 1 })} name={`sources.${i}.url`} placeholder={URL_PLACEHOLDER} error={errors[`sources.${i}.url`]} />
            <TextField id={id(`source-${i}-title`)} label={t("sourceTitle", { number: i + 1 })} name={`sources.${i}.title`} error={errors[`sources.${i}.title`]} />
            <TextField id={id(`source-${i}-publisher`)} label={t("sourcePublisher", { number: i + 1 })} name={`sources.${i}.publisher`} error={errors[`sources.${i}.publisher`]} />
            <FlexibleDateInput id={id(`source-${i}-date`)} label={t("sourceDate", { number: i + 1 })} name={`sources.${i}.publishedDate`} error={errors[`sources.${i}.publishedDate`]} />
            <UrlField id={id(`source-${i}-archived`)} label={t("sourceArchived", { number: i + 1 })} name={`sources.${i}.archivedUrl`} placeholder={URL_PLACEHOLDER} error={errors[`sources.${i}.archivedUrl`]} />
          </div>
        ))}
        {sourceRows < MAX_SOURCES ? (
          <div>
            <Button type="button" variant="secondary" onClick={() => setSourceRows((n) => n + 1)}>
              {t("addSource")}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <FormStatus state={pending ? null : state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("recording") : t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}

/** A status's name in the interface language (the status itself keeps both). */
function statusLabel(status: StatusDto | undefined, locale: Locale): string | undefined {
  if (!status) return undefined;
  return locale === "zh-Hans" ? status.labelZh : status.labelEn;
}
