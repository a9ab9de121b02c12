"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { CLAIM_KIND_LABELS, CLAIM_KINDS, STATEMENT_MAX_LENGTH, STATEMENT_WARN_LENGTH } from "@/lib/claim-rules";
import { codePointLength } from "@/lib/anchor";
import type { CreatedClaimDto } from "@/db/claims/create-claim-with-mention";
import { errorsOf, type FormAction } from "./types";

/** Quote the words of the article that make a claim, and describe the claim. */
export function ClaimForm({ action, articleId }: { action: FormAction<CreatedClaimDto>; articleId: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [statement, setStatement] = useState("");
  const errors = errorsOf(state);
  const length = codePointLength(statement);
  const created = state?.ok ? state.data : null;
  // After a claim is added, clear the statement for the next one.
  const [clearedFor, setClearedFor] = useState<number | null>(null);
  if (created && clearedFor !== created.claimId) {
    setClearedFor(created.claimId);
    setStatement("");
  }
  return (
    <ActionForm action={formAction} className="flex flex-col gap-4" resetKey={created?.claimId}>
      <input type="hidden" name="articleId" value={articleId} />
      <TextArea label="Quote" name="quote" rows={2} required error={errors.quote} hint="Copy the exact words from the article body." />
      <TextField
        label="Statement"
        name="statement"
        required
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        error={errors.statement}
        hint={
          <span aria-live="polite" className={length > STATEMENT_WARN_LENGTH ? "text-amber-800" : undefined}>
            {length}/{STATEMENT_MAX_LENGTH} characters
            {length > STATEMENT_WARN_LENGTH ? ` · search engines show about ${STATEMENT_WARN_LENGTH}; consider shortening` : ""}
          </span>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Claimant" name="claimant" error={errors.claimant} hint="Who made the claim." />
        <TextField label="Claim date" name="claimDate" type="date" error={errors.claimDate} />
        <SelectField label="Kind" name="kind" defaultValue="fact" error={errors.kind}>
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CLAIM_KIND_LABELS[kind].en} · {CLAIM_KIND_LABELS[kind].zh}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label="Occurrence" name="occurrence" type="number" min={1} defaultValue={1} hint="If the quote appears more than once, which appearance (1 = first)." error={errors.occurrence} />
      <FormStatus state={state} />
      {created ? (
        <p>
          <Link href={`/editor/claims/${created.claimId}`} className="text-[var(--color-accent)] underline">
            Record a status for the new claim
          </Link>
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add claim"}
        </Button>
      </div>
    </ActionForm>
  );
}
