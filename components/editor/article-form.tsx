"use client";

import { useActionState, useState } from "react";
import type { ArticleDto } from "@/db/articles/article-dto";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { ArticleConflict } from "./article-conflict";
import { errorsOf, type FormAction } from "./types";

interface ArticleFormProps {
  action: FormAction<ArticleDto>;
  /** Present when editing: its id and version go with the form, so a conflicting save is detected. */
  article?: ArticleDto;
  submitLabel: string;
}

export function ArticleForm({ action, article, submitLabel }: ArticleFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  // After a conflict the editor may move onto the other editor's version (see ArticleConflict).
  const [base, setBase] = useState(article);
  // A save re-renders the page with the saved version: the form moves onto it.
  if (article && base && article.version > base.version) setBase(article);
  const theirs = state && !state.ok && state.details && "current" in state.details ? (state.details.current as ArticleDto) : null;
  const reapply = (form: HTMLFormElement, merged: Record<string, string>, version: number) => {
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
      <TextField label="Title" name="title" required maxLength={300} defaultValue={article?.title} error={errors.title} />
      <TextArea label="Summary" name="summary" rows={2} defaultValue={article?.summary ?? ""} error={errors.summary} hint="Optional. For example an English summary of a Chinese article." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Outlet" name="outlet" defaultValue={article?.outlet ?? ""} error={errors.outlet} />
        <TextField label="Byline" name="byline" defaultValue={article?.byline ?? ""} error={errors.byline} />
        <TextField label="Source URL" name="sourceUrl" type="url" inputMode="url" placeholder="https://" defaultValue={article?.sourceUrl ?? ""} error={errors.sourceUrl} />
        <TextField label="Published date" name="publishedDate" type="date" defaultValue={article?.publishedDate ?? ""} error={errors.publishedDate} />
        <TextField label="Language" name="language" defaultValue={article?.language ?? ""} list="language-tags" error={errors.language} hint="BCP 47 tag (zh-Hans, zh-Hant, en…); detected from the body when blank." />
        <SelectField label="State" name="status" defaultValue={article?.status ?? "draft"} error={errors.status} hint="Readers see published articles only.">
          <option value="draft">Draft</option>
          <option value="published">Published</option>
        </SelectField>
      </div>
      <datalist id="language-tags">
        <option value="zh-Hans" />
        <option value="zh-Hant" />
        <option value="en" />
      </datalist>
      <TextField label="Slug" name="slug" defaultValue={article?.slug ?? ""} error={errors.slug} hint="Optional; made from the title when blank." />
      <SelectField label="Body format" name="bodyFormat" defaultValue={article?.bodyFormat ?? "plain"} error={errors.bodyFormat} hint="HTML is sanitized: scripts, styles and event handlers are removed.">
        <option value="plain">Plain text (paragraphs separated by a blank line)</option>
        <option value="markdown">Markdown</option>
        <option value="html">HTML (from a news site or a WeChat export)</option>
      </SelectField>
      <TextArea label="Body" name="body" rows={14} required defaultValue={article?.body} error={errors.body} />
      <FormStatus state={pending ? null : state} />
      {theirs && base ? <ArticleConflict key={theirs.version} base={base} theirs={theirs} onReapply={reapply} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </ActionForm>
  );
}
