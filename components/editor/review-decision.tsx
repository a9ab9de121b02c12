"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ReviewDecisionDto } from "@/db/reviews/decide-review";
import { errorsOf, type FormAction } from "./types";

interface ReviewDecisionProps {
  reviewId: number;
  /** What is approved, for the button's accessible name ("Approve and publish 'Title'"). */
  subject: string;
  approve: FormAction<ReviewDecisionDto>;
  sendBack: FormAction<ReviewDecisionDto>;
}

/** A second editor's decision on a review: approve (it is published) or send it back with a comment (required). */
export function ReviewDecision({ reviewId, subject, approve, sendBack }: ReviewDecisionProps) {
  const t = useTranslations("editor.reviewDecision");
  const [approveState, approveAction, approving] = useActionState(approve, null);
  const [sendBackState, sendBackAction, sending] = useActionState(sendBack, null);
  const commentId = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <ActionForm action={approveAction}>
          <input type="hidden" name="reviewId" value={reviewId} />
          <Button type="submit" disabled={approving} aria-label={t("approveLabel", { subject })}>
            {t("approve")}
          </Button>
        </ActionForm>
        <details className="min-w-0 flex-1">
          <summary className="inline-flex min-h-9 cursor-pointer items-center text-sm font-medium text-[var(--color-accent)] underline">{t("sendBack")}</summary>
          <ActionForm action={sendBackAction} className="mt-2 flex flex-col gap-2">
            <input type="hidden" name="reviewId" value={reviewId} />
            <TextArea
              id={commentId}
              name="comment"
              label={t("comment")}
              hint={t("commentHint")}
              required
              rows={3}
              error={errorsOf(sendBackState).comment}
            />
            <Button type="submit" variant="secondary" disabled={sending} className="self-start">
              {t("submit")}
            </Button>
          </ActionForm>
        </details>
      </div>
      <FormStatus state={approveState ?? sendBackState} />
    </div>
  );
}
