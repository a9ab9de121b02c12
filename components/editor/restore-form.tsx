"use client";

import { type FormEvent, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { withLocale } from "@/lib/i18n/locale-href";
import type { ImportSummary } from "@/db/backup/import-backup";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/app/_lib/errors";

/** Where backups are uploaded: a route, since they are larger than server actions accept. */
const RESTORE_URL = "/editor/backup/restore";

/** Upload a JSON backup to restore; problems are listed and nothing is written unless all is valid. */
export function RestoreForm() {
  const t = useTranslations("editor.restore");
  const [state, setState] = useState<ActionResult<ImportSummary> | null>(null);
  const [pending, setPending] = useState(false);
  const locale = useLocale();
  // The route is outside proxy.ts: it learns the page's language from the URL.
  const url = withLocale(RESTORE_URL, locale);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setState(null);
    try {
      const response = await fetch(url, { method: "POST", body: new FormData(event.currentTarget) });
      const body = (await response.json().catch(() => null)) as { ok?: true; data?: ImportSummary; message?: string; fields?: Record<string, string> } | null;
      if (response.ok && body?.ok) setState({ ok: true, data: body.data!, message: body.message });
      else setState({ ok: false, error: body?.message ?? t("failed", { status: response.status }), fields: body?.fields });
    } catch {
      setState({ ok: false, error: t("unreachable") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={url} method="post" encType="multipart/form-data" onSubmit={submit} className="flex flex-col gap-3">
      <TextField label={t("file")} name="backup" type="file" accept="application/json,.json" required error={state && !state.ok ? state.fields?.backup : undefined} />
      <SelectField label={t("mode")} name="mode" defaultValue="empty-only" hint={t("modeHint")}>
        <option value="empty-only">{t("emptyOnly")}</option>
        <option value="merge">{t("merge")}</option>
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
          {pending ? t("restoring") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
