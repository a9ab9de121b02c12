"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import * as commands from "@/app/editor/articles/[id]/workbench-actions";
import { codePointLength } from "@/lib/anchor";
import { useCommand } from "./use-command";
import { quoted } from "@/lib/format";

export type ClaimTool = { kind: "split"; claim: WorkbenchClaimDto } | { kind: "merge"; claim: WorkbenchClaimDto };

interface ClaimToolsProps {
  tool: ClaimTool;
  claims: WorkbenchClaimDto[];
  articleId: number;
  onClose: () => void;
  onError: (message: string) => void;
}

/** The split and merge forms, shown above the claim list for the claim they act on. */
export function ClaimTools({ tool, claims, articleId, onClose, onError }: ClaimToolsProps) {
  return (
    <div className="mb-3 rounded-lg border border-[var(--color-accent)] bg-[var(--color-surface)] p-4">
      {tool.kind === "split" ? (
        <SplitForm claim={tool.claim} articleId={articleId} onClose={onClose} onError={onError} />
      ) : (
        <MergeForm claim={tool.claim} claims={claims} articleId={articleId} onClose={onClose} onError={onError} />
      )}
    </div>
  );
}

function SplitForm({ claim, articleId, onClose, onError }: { claim: WorkbenchClaimDto; articleId: number; onClose: () => void; onError: (m: string) => void }) {
  const t = useTranslations("workbench.tools");
  const [secondStarts, setSecondStarts] = useState("");
  const [firstStatement, setFirstStatement] = useState(claim.statement);
  const [secondStatement, setSecondStatement] = useState("");
  const split = useCommand(articleId, commands.splitClaimCommand, { onError, onSuccess: onClose });
  const index = secondStarts ? claim.exact.indexOf(secondStarts) : -1;
  const valid = index > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    split.mutate({ mentionId: claim.mentionId, at: claim.start + codePointLength(claim.exact.slice(0, index)), firstStatement, secondStatement });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <h3 className="font-semibold">{t("splitHeading", { statement: claim.statement })}</h3>
      <blockquote className="border-l-4 border-stone-300 pl-3 text-sm">{quoted(claim.exact)}</blockquote>
      <TextField
        id="split-second-starts"
        label={t("secondStarts")}
        name="secondStarts"
        value={secondStarts}
        onChange={(e) => setSecondStarts(e.target.value)}
        error={secondStarts && !valid ? t("secondStartsError") : undefined}
        hint={t("secondStartsHint")}
      />
      <TextField id="split-first" label={t("firstStatement")} name="firstStatement" value={firstStatement} onChange={(e) => setFirstStatement(e.target.value)} required />
      <TextField id="split-second" label={t("secondStatement")} name="secondStatement" value={secondStatement} onChange={(e) => setSecondStatement(e.target.value)} required />
      <div className="flex gap-2">
        <Button type="submit" disabled={!valid || !secondStatement.trim() || split.isPending}>
          {t("split")}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function MergeForm({ claim, claims, articleId, onClose, onError }: { claim: WorkbenchClaimDto; claims: WorkbenchClaimDto[]; articleId: number; onClose: () => void; onError: (m: string) => void }) {
  const others = [...new Map(claims.filter((c) => c.claimId !== claim.claimId && c.claimId > 0).map((c) => [c.claimId, c])).values()];
  const t = useTranslations("workbench.tools");
  const [targetId, setTargetId] = useState(String(others[0]?.claimId ?? ""));
  const merge = useCommand(articleId, commands.mergeClaimsCommand, { onError, onSuccess: onClose });
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        merge.mutate({ targetId: Number(targetId), sourceId: claim.claimId });
      }}
    >
      <h3 className="font-semibold">{t("mergeHeading", { statement: claim.statement })}</h3>
      <SelectField id="merge-target" label={t("mergeInto")} name="targetId" value={targetId} onChange={(e) => setTargetId(e.target.value)} hint={t("mergeHint")}>
        {others.map((c) => (
          <option key={c.claimId} value={c.claimId}>
            {c.statement}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit" disabled={!targetId || merge.isPending}>
          {t("merge")}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
