"use client";

import { type ReactNode, useState } from "react";
import { useTranslations } from "next-intl";
import type { WorkbenchClaimDto } from "@/db/articles/workbench";
import type { ClaimFieldsDto } from "@/db/claims/update-claim";
import { Button } from "@/components/ui/button";
import { detectTextLanguage } from "@/lib/article-doc/text-language";
import { threeWayMerge } from "@/lib/three-way-merge";
import { ClaimFieldsForm, type ClaimFieldValues } from "./claim-fields-form";
import { CommandError } from "./use-command";

/** The fields another editor's save can change, as the conflict reports them: every field the form saves. */
const COMPARED = ["statement", "claimant", "claimantType", "claimDate", "kind", "quantityValue", "quantityUnit", "quantityQualifier", "quantityAsOf"] as const;

/** The form's values for a claim, as the workbench lists it or as a conflict reports it. */
export function claimFieldValues(claim: Omit<ClaimFieldsDto, "id" | "version"> | WorkbenchClaimDto): ClaimFieldValues {
  return {
    statement: claim.statement,
    // A stored language the statement would be detected as anyway is left to detection, so a rewrite in another language follows the text.
    statementLanguage: claim.statementLanguage && claim.statementLanguage !== detectTextLanguage(claim.statement) ? claim.statementLanguage : "",
    claimant: claim.claimant ?? "",
    claimantType: claim.claimantType ?? "",
    claimDate: claim.claimDate ?? "",
    kind: claim.kind,
    quantityValue: claim.quantityValue === null ? "" : String(claim.quantityValue),
    quantityUnit: claim.quantityUnit ?? "",
    quantityQualifier: claim.quantityQualifier ?? "",
    quantityAsOf: claim.quantityAsOf ?? "",
  };
}

const compared = (values: Pick<ClaimFieldValues, (typeof COMPARED)[number]>) => Object.fromEntries(COMPARED.map((f) => [f, values[f]]));

interface ClaimEditorProps {
  claim: WorkbenchClaimDto;
  pending: boolean;
  /** Saves the values as an edit of `version`; calls onConflict with the current fields when someone saved in between. */
  save: (version: number, values: ClaimFieldValues, onConflict: (current: ClaimFieldsDto) => void) => void;
  onCancel: () => void;
  /** Shown under the form (the claim's assignment). */
  footer?: ReactNode;
}

/**
 * Editing a claim's fields from the version it was opened at. The workbench refetches after
 * every change, so the claim passed in may already be someone else's newer version: the save
 * still carries the version the editor started from, so their change is never overwritten
 * unseen. On a conflict the editor sees what they changed and can reapply their own edits.
 */
export function ClaimEditor({ claim, pending, save, onCancel, footer }: ClaimEditorProps) {
  const t = useTranslations("workbench.claimEditor");
  const [base, setBase] = useState(() => ({ version: claim.claimVersion, values: claimFieldValues(claim) }));
  const [form, setForm] = useState(() => ({ key: 0, values: base.values }));
  const [conflict, setConflict] = useState<{ theirs: ClaimFieldsDto; mine: ClaimFieldValues } | null>(null);
  const [reapplied, setReapplied] = useState(false);

  const submit = (values: ClaimFieldValues) => {
    setReapplied(false);
    save(base.version, values, (theirs) => setConflict({ theirs, mine: values }));
  };

  const reapply = () => {
    if (!conflict) return;
    const { theirs, mine } = conflict;
    const theirValues = claimFieldValues(theirs);
    const merged = threeWayMerge(compared(base.values), compared(theirValues), compared(mine)).merged;
    setBase({ version: theirs.version, values: theirValues });
    setForm({ key: form.key + 1, values: { ...mine, ...merged } as ClaimFieldValues });
    setConflict(null);
    setReapplied(true);
  };

  const theirs = conflict ? claimFieldValues(conflict.theirs) : null;
  const changes = theirs ? COMPARED.filter((f) => theirs[f] !== base.values[f]) : [];
  return (
    <div className="flex flex-col gap-3">
      {conflict ? (
        <section className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-stone-900" data-testid="claim-conflict">
          <p className="font-medium">{t("conflict")}</p>
          <ul className="mt-1">
            {changes.map((f) => (
              <li key={f}>
                {t(`fields.${f}`)}: <del className="text-stone-600">{base.values[f] || t("empty")}</del> → <ins className="no-underline font-medium">{theirs![f] || t("empty")}</ins>
              </li>
            ))}
          </ul>
          <Button type="button" variant="secondary" className="mt-2" onClick={reapply}>
            {t("reapply")}
          </Button>
        </section>
      ) : null}
      {reapplied ? (
        <p role="status" className="text-sm">
          {t("reapplied")}
        </p>
      ) : null}
      <ClaimFieldsForm
        key={form.key}
        idPrefix={`edit-${claim.mentionId}`}
        initial={form.values}
        submitLabel={t("save")}
        pending={pending}
        onSubmit={submit}
        onCancel={onCancel}
      />
      {footer}
    </div>
  );
}

/** The other editor's fields when a save failed on a version conflict, else null. */
export function conflictingClaim(error: unknown): ClaimFieldsDto | null {
  if (!(error instanceof CommandError)) return null;
  const current = error.result.details?.current;
  return current && typeof current === "object" && "version" in current ? (current as ClaimFieldsDto) : null;
}
