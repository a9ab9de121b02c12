"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FlexibleDateInput } from "@/components/ui/flexible-date-input";
import type { StatusDto } from "@/db/statuses/list-statuses";
import * as commands from "@/app/editor/articles/[id]/workbench-actions";
import { DATE_PRECISIONS } from "@/lib/dates";
import { CLAIM_KINDS, type ClaimKind } from "@/lib/claim-rules";
import { claimKindLabel } from "./claim-kind-label";
import { useCommand } from "./use-command";

interface BulkBarProps {
  articleId: number;
  claimIds: number[];
  statuses: StatusDto[];
  onDone: () => void;
  onError: (message: string) => void;
}

/** Sets the kind, or records the same status, on every checked claim at once. */
export function BulkBar({ articleId, claimIds, statuses, onDone, onError }: BulkBarProps) {
  const t = useTranslations("workbench.bulk");
  const locale = useLocale();
  const [kind, setKind] = useState<ClaimKind>("fact");
  const [statusKey, setStatusKey] = useState("");
  const [effectiveDate, setEffectiveDate] = useState(new Date().toISOString().slice(0, 10));
  const setKindCommand = useCommand(articleId, commands.bulkSetKindCommand, { onError, onSuccess: onDone });
  const setStatusCommand = useCommand(articleId, commands.bulkStatusCommand, { onError, onSuccess: onDone });
  return (
    <div role="group" aria-label={t("label", { count: claimIds.length })} className="mb-3 flex flex-col gap-2 rounded-md border border-[var(--color-rule)] bg-stone-50 p-3 text-sm">
      <p className="font-medium">{t("selected", { count: claimIds.length })}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span>{t("kind")}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)} className="rounded-md border border-stone-300 px-2 py-1.5">
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {claimKindLabel(k, locale)}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={() => setKindCommand.mutate({ claimIds, kind })} disabled={setKindCommand.isPending}>
          {t("setKind")}
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span>{t("status")}</span>
          <select value={statusKey} onChange={(e) => setStatusKey(e.target.value)} className="rounded-md border border-stone-300 px-2 py-1.5">
            <option value="">{t("choose")}</option>
            {statuses.filter((s) => !s.retired).map((s) => (
              <option key={s.key} value={s.key}>
                {s.labelEn} · {s.labelZh}
              </option>
            ))}
          </select>
        </label>
        <FlexibleDateInput id="bulk-effective-date" label={t("effectiveDate")} name="effectiveDate" precisions={DATE_PRECISIONS} value={effectiveDate} onChange={setEffectiveDate} />
        <Button
          variant="secondary"
          disabled={!statusKey || setStatusCommand.isPending}
          onClick={() => setStatusCommand.mutate({ claimIds, statusKey, effectiveDate, rationale: null, internalNote: null, visibility: "published", sources: [] })}
        >
          {t("recordStatus")}
        </Button>
      </div>
    </div>
  );
}
