import { getTranslations } from "next-intl/server";
import type { ReviewDecisionDto } from "@/db/reviews/decide-review";
import { ReviewDecision } from "./review-decision";
import type { FormAction } from "./types";

interface HeldEventReviewProps {
  review: { reviewId: number; mine: boolean };
  subject: string;
  approve: FormAction<ReviewDecisionDto>;
  sendBack: FormAction<ReviewDecisionDto>;
}

/** A status event held for a second editor's approval: readers do not see it until approved. */
export async function HeldEventReview({ review, subject, approve, sendBack }: HeldEventReviewProps) {
  const t = await getTranslations("editor.heldEvent");
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm font-medium">{t("waiting")}</p>
      {review.mine ? (
        <p className="text-sm text-[var(--color-muted)]">{t("mine")}</p>
      ) : (
        <ReviewDecision reviewId={review.reviewId} subject={subject} approve={approve} sendBack={sendBack} />
      )}
    </div>
  );
}
