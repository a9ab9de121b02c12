"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { TextLanguageSelect } from "@/components/ui/text-language-select";
import { codePointLength } from "@/lib/anchor";
import { quoted } from "@/lib/format";
import {
  CLAIM_KIND_LABELS,
  CLAIM_KINDS,
  CLAIMANT_TYPES,
  type ClaimKind,
  QUANTITY_QUALIFIERS,
  STATEMENT_MAX_LENGTH,
  STATEMENT_WARN_LENGTH,
} from "@/lib/claim-rules";

export interface ClaimFieldValues {
  statement: string;
  /** "" to detect it from the statement (see TextLanguageSelect), else the tag the editor chose. */
  statementLanguage: string;
  claimant: string;
  /** "person", "organization", or "" for not said. */
  claimantType: string;
  claimDate: string;
  kind: ClaimKind;
  quantityValue: string;
  quantityUnit: string;
  quantityQualifier: string;
  quantityAsOf: string;
}

export const EMPTY_CLAIM_FIELDS: ClaimFieldValues = {
  statement: "",
  statementLanguage: "",
  claimant: "",
  claimantType: "",
  claimDate: "",
  kind: "fact",
  quantityValue: "",
  quantityUnit: "",
  quantityQualifier: "",
  quantityAsOf: "",
};

const FIELD_GRID = "grid gap-3 [grid-template-columns:repeat(auto-fit,minmax(min(100%,12.5rem),1fr))]";

/** The catalogue key of each qualifier's name (workbench.claimFields.qualifiers). */
const QUALIFIER_KEYS = { "=": "exactly", ">=": "atLeast", "<=": "atMost", "~": "about" } as const;

interface ClaimFieldsFormProps {
  idPrefix: string;
  initial: ClaimFieldValues;
  quote?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: ClaimFieldValues) => void;
  onCancel: () => void;
}

/** Statement, claimant (and whether a person or an organisation), date, kind and (for quantities) the figure: the fields of a claim. */
export function ClaimFieldsForm({ idPrefix, initial, quote, submitLabel, pending, onSubmit, onCancel }: ClaimFieldsFormProps) {
  const t = useTranslations("workbench.claimFields");
  const [values, setValues] = useState(initial);
  const set = (field: keyof ClaimFieldValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const length = codePointLength(values.statement.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      {quote ? (
        <blockquote className="border-l-4 border-stone-300 pl-3 text-sm text-[var(--color-muted)]">{quoted(quote)}</blockquote>
      ) : null}
      {/* A text area, so a statement of up to 120 characters is read whole; Enter still saves. */}
      <TextArea
        id={`${idPrefix}-statement`}
        label={t("statement")}
        name="statement"
        required
        autoFocus
        rows={2}
        className="min-h-[4.75rem] [field-sizing:content]"
        value={values.statement}
        onChange={set("statement")}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        hint={
          <span className={length > STATEMENT_WARN_LENGTH ? "text-amber-800 dark:text-amber-300" : undefined}>
            {t("length", { length, max: STATEMENT_MAX_LENGTH })}
            {length > STATEMENT_WARN_LENGTH ? t("lengthWarning", { warn: STATEMENT_WARN_LENGTH }) : null}
          </span>
        }
        error={length > STATEMENT_MAX_LENGTH ? t("tooLong", { max: STATEMENT_MAX_LENGTH }) : undefined}
      />
      {/* As many columns as fit fields wide enough for their values (a date, "Organisation", "Quantity · 数量"). */}
      <div className={FIELD_GRID}>
        <TextLanguageSelect
          id={`${idPrefix}-statementLanguage`}
          name="statementLanguage"
          field="statement"
          text={values.statement}
          value={values.statementLanguage}
          onChange={(statementLanguage) => setValues((v) => ({ ...v, statementLanguage }))}
        />
        <TextField id={`${idPrefix}-claimant`} label={t("claimant")} name="claimant" value={values.claimant} onChange={set("claimant")} />
        {/* ClaimReview names the claimant as a Person or an Organization; not said counts as an organisation. */}
        <SelectField id={`${idPrefix}-claimantType`} label={t("claimantType")} name="claimantType" value={values.claimantType} onChange={set("claimantType")}>
          <option value="">{t("notSaid")}</option>
          {CLAIMANT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`claimantTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <FlexibleDateInput id={`${idPrefix}-claimDate`} label={t("claimDate")} name="claimDate" value={values.claimDate} onChange={(claimDate) => setValues((v) => ({ ...v, claimDate }))} />
        <SelectField id={`${idPrefix}-kind`} label={t("kind")} name="kind" value={values.kind} onChange={set("kind")}>
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CLAIM_KIND_LABELS[kind].en} · {CLAIM_KIND_LABELS[kind].zh}
            </option>
          ))}
        </SelectField>
      </div>
      {values.kind === "quantity" ? (
        <fieldset className={`${FIELD_GRID} rounded-md border border-[var(--color-rule)] p-3`}>
          <legend className="px-1 text-sm font-medium">{t("figure")}</legend>
          <SelectField id={`${idPrefix}-qualifier`} label={t("qualifier")} name="quantityQualifier" value={values.quantityQualifier} onChange={set("quantityQualifier")}>
            <option value="">—</option>
            {QUANTITY_QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {t(`qualifiers.${QUALIFIER_KEYS[q]}`)}
              </option>
            ))}
          </SelectField>
          <TextField id={`${idPrefix}-value`} label={t("value")} name="quantityValue" inputMode="decimal" value={values.quantityValue} onChange={set("quantityValue")} />
          <TextField id={`${idPrefix}-unit`} label={t("unit")} name="quantityUnit" value={values.quantityUnit} onChange={set("quantityUnit")} hint={t("unitHint")} />
          <FlexibleDateInput id={`${idPrefix}-asof`} label={t("asOf")} name="quantityAsOf" value={values.quantityAsOf} onChange={(quantityAsOf) => setValues((v) => ({ ...v, quantityAsOf }))} />
        </fieldset>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || length === 0 || length > STATEMENT_MAX_LENGTH}>
          {pending ? t("saving") : submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The form values as the command input expects them (blank → null is done by the server's zod). */
export function toClaimFields(values: ClaimFieldValues) {
  return { ...values, statement: values.statement.replace(/\s+/g, " ").trim() };
}
