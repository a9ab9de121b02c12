"use client";

import { type ChangeEvent, useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ArticleDto } from "@/db/articles/article-dto";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField, UrlField, URL_PLACEHOLDER } from "@/components/ui/field";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import { FormStatus } from "@/components/ui/form-status";
import { ArticleConflict } from "./article-conflict";
import { errorsOf, type FormAction } from "./types";
import { detectBodyFormat } from "@/lib/article-doc/detect-format";
import { detectLanguage } from "@/lib/article-doc/detect-language";
import { deskLanguages } from "@/lib/article-doc/desk-languages";
import { languageName } from "./language-name";
import type { BodyFormat } from "@/lib/article-doc/types";

interface ArticleFormProps {
  action: FormAction<ArticleDto>;
  /** Present when editing: its id and version go with the form, so a conflicting save is detected. */
  article?: ArticleDto;
  submitLabel: string;
  /** The Language select's choices (listDeskLanguages): zh-Hans, zh-Hant, en, then the desk's others. */
  languages: string[];
}

/** Enough of a pasted body to tell its format and language: detection stays instant on a 2 MB paste. */
const DETECTION_SAMPLE = 20_000;

function detect(body: string) {
  const sample = body.slice(0, DETECTION_SAMPLE);
  return sample.trim() ? { format: detectBodyFormat(sample), language: detectLanguage(sample) } : null;
}

export function ArticleForm({ action, article, submitLabel, languages }: ArticleFormProps) {
  const t = useTranslations("editor.articleForm");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  // After a conflict the editor may move onto the other editor's version (see ArticleConflict).
  const [base, setBase] = useState(article);
  // A save re-renders the page with the saved version: the form moves onto it.
  if (article && base && article.version > base.version) setBase(article);
  const theirs = state && !state.ok && state.details && "current" in state.details ? (state.details.current as ArticleDto) : null;
  // Format and language follow the pasted body until the editor picks one; an article's own are kept.
  const [detected, setDetected] = useState(() => (article ? detect(article.body) : null));
  const [format, setFormat] = useState<{ value: BodyFormat; chosen: boolean }>({ value: article?.bodyFormat ?? "plain", chosen: Boolean(article) });
  const [language, setLanguage] = useState({ value: article?.language ?? "", chosen: Boolean(article) });
  const onBody = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const found = detect(event.target.value);
    setDetected(found);
    if (!format.chosen) setFormat({ value: found?.format ?? "plain", chosen: false });
    if (!language.chosen) setLanguage({ value: found?.language ?? "", chosen: false });
  };
  const languageChoices = deskLanguages([...languages, language.value, detected?.language]);
  const reapply = (form: HTMLFormElement, merged: Record<string, string>, version: number) => {
    if (merged.bodyFormat) setFormat({ value: merged.bodyFormat as BodyFormat, chosen: true });
    if (merged.language !== undefined) setLanguage({ value: merged.language, chosen: true });
    for (const [name, value] of Object.entries(merged)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.value = value;
    }
    setBase(theirs ? { ...theirs, version } : base);
  };
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4">
      {base ? (
        <>
          <input type="hidden" name="id" value={base.id} />
          <input type="hidden" name="version" value={base.version} />
        </>
      ) : null}
      <TextField label={t("title")} name="title" required maxLength={300} defaultValue={article?.title} error={errors.title} />
      <TextArea label={t("summary")} name="summary" rows={2} defaultValue={article?.summary ?? ""} error={errors.summary} hint={t("summaryHint")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("outlet")} name="outlet" defaultValue={article?.outlet ?? ""} error={errors.outlet} />
        <TextField label={t("byline")} name="byline" defaultValue={article?.byline ?? ""} error={errors.byline} />
        <UrlField label={t("sourceUrl")} name="sourceUrl" placeholder={URL_PLACEHOLDER} defaultValue={article?.sourceUrl ?? ""} error={errors.sourceUrl} />
        <FlexibleDateInput label={t("publishedDate")} name="publishedDate" defaultValue={article?.publishedDate ?? ""} error={errors.publishedDate} />
        <SelectField
          label={t("language")}
          name="language"
          value={language.value}
          onChange={(event) => setLanguage({ value: event.target.value, chosen: true })}
          error={errors.language}
          hint={<span aria-live="polite">{detected ? t("languageDetected", { language: languageName(detected.language, locale) }) : t("languageFromBody")}</span>}
        >
          {language.value === "" ? <option value="">{t("detectLanguage")}</option> : null}
          {languageChoices.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("state")} name="status" defaultValue={article?.status ?? "draft"} error={errors.status} hint={t("stateHint")}>
          <option value="draft">{t("draft")}</option>
          <option value="published">{t("published")}</option>
        </SelectField>
      </div>
      <TextField label={t("slug")} name="slug" defaultValue={article?.slug ?? ""} error={errors.slug} hint={t("slugHint")} />
      <SelectField
        label={t("bodyFormat")}
        name="bodyFormat"
        value={format.value}
        onChange={(event) => setFormat({ value: event.target.value as BodyFormat, chosen: true })}
        error={errors.bodyFormat}
        hint={
          <>
            <span aria-live="polite" data-testid="detected-format">
              {detected ? t("formatDetected", { format: t(`formats.${detected.format}`) }) : t("formatFromBody")}
            </span>
            {t("htmlSanitized")}
          </>
        }
      >
        <option value="plain">{t("formatOptions.plain")}</option>
        <option value="markdown">{t("formatOptions.markdown")}</option>
        <option value="html">{t("formatOptions.html")}</option>
      </SelectField>
      <TextArea label={t("body")} name="body" rows={14} required defaultValue={article?.body} onChange={onBody} error={errors.body} />
      <FormStatus state={pending ? null : state} />
      {theirs && base ? <ArticleConflict key={theirs.version} base={base} theirs={theirs} onReapply={reapply} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
      </div>
    </ActionForm>
  );
}
