"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ArticleDto } from "@/db/articles/article-dto";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField, URL_PLACEHOLDER } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { errorsOf, type FormAction } from "./types";

/** Import an article from a web page: the server fetches it and extracts the main text. */
export function ImportForm({ action }: { action: FormAction<ArticleDto> }) {
  const t = useTranslations("editor.importForm");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = errorsOf(state);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-3">
      <TextField label={t("url")} name="url" type="url" inputMode="url" required placeholder={URL_PLACEHOLDER} error={errors.url} hint={t("urlHint")} />
      {state && !state.ok && !errors.url ? <FormStatus state={state} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("importing") : t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
