"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { changePrecision, type DatePrecision, parsePreciseDate } from "@/lib/dates";
import { control, describedBy, FieldShell } from "./field";

interface FlexibleDateInputProps {
  label: string;
  name: string;
  id?: string;
  /**
   * The precisions this field can store. Status events keep a precision, so their date can be a
   * day, a month or a year; fields stored as a plain day offer the day only (a month typed there
   * would be saved as its first day, a date nobody gave).
   */
  precisions?: readonly DatePrecision[];
  /** Uncontrolled: "2025-08-05", "2025-08", "2025" or "". */
  defaultValue?: string | null;
  /** Controlled: the value and its change, in the same forms. */
  value?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
}

const DAY_ONLY: readonly DatePrecision[] = ["day"];
const WIDTH: Record<DatePrecision, string> = { day: "min-w-[11rem]", month: "min-w-[11rem]", year: "min-w-[6rem]" };

function precisionOf(value: string | null | undefined, allowed: readonly DatePrecision[]): DatePrecision {
  const parsed = value ? parsePreciseDate(value) : null;
  return parsed && allowed.includes(parsed.precision) ? parsed.precision : allowed[0]!;
}

/**
 * One date control for every date an editor enters: a day picker, or (where the field keeps a
 * precision) a month picker or a year, chosen beside it. The field posts "2025-08-05",
 * "2025-08" or "2025" under `name`, the forms lib/dates.ts parses and the server validates.
 * Labelled, described by its hint and error, and keyboard-operable (native controls only).
 */
export function FlexibleDateInput({ label, name, id, precisions = DAY_ONLY, defaultValue, value, onChange, required, hint, error }: FlexibleDateInputProps) {
  const t = useTranslations("editor.dateInput");
  const fieldId = id ?? `field-${name}`;
  const controlled = value !== undefined;
  const [own, setOwn] = useState(defaultValue ?? "");
  const current = controlled ? value : own;
  const [precision, setPrecision] = useState<DatePrecision>(() => precisionOf(current, precisions));
  const inputRef = useRef<HTMLInputElement>(null);

  // A form reset (after a successful save) brings the field back to its initial value.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form || controlled) return;
    const reset = () => {
      setOwn(defaultValue ?? "");
      setPrecision(precisionOf(defaultValue, precisions));
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, [controlled, defaultValue, precisions]);

  const change = (next: string) => {
    if (!controlled) setOwn(next);
    onChange?.(next);
  };
  // A value set from outside (a reapplied edit, a reset) brings its own precision; a partial
  // year being typed ("202") parses as nothing and changes nothing.
  const given = parsePreciseDate(current)?.precision;
  if (given && given !== precision && precisions.includes(given)) setPrecision(given);
  const described = describedBy(fieldId, hint, error);
  const input = {
    id: fieldId,
    name,
    required,
    value: current,
    onChange: (event: { target: { value: string } }) => change(event.target.value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    className: `${control} ${WIDTH[precision]} flex-1`,
  } as const;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <div className="flex flex-wrap gap-2">
        {precisions.length > 1 ? (
          <select
            id={`${fieldId}-precision`}
            aria-label={t("precision")}
            aria-describedby={described}
            value={precision}
            onChange={(event) => {
              const next = event.target.value as DatePrecision;
              setPrecision(next);
              change(changePrecision(current, next));
            }}
            className={`${control} w-auto flex-none`}
          >
            {precisions.map((p) => (
              <option key={p} value={p}>
                {t(`precisions.${p}`)}
              </option>
            ))}
          </select>
        ) : null}
        {precision === "day" ? (
          <input ref={inputRef} type="date" {...input} />
        ) : precision === "month" ? (
          // HTML allows no placeholder or pattern here; browsers without a month picker take "2025-08" as typed.
          <input ref={inputRef} type="month" {...input} />
        ) : (
          <input ref={inputRef} type="text" inputMode="numeric" placeholder={t("yearPlaceholder")} pattern="\d{4}" maxLength={4} autoComplete="off" {...input} />
        )}
      </div>
    </FieldShell>
  );
}
