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
export function HeldEventReview({ review, subject, approve, sendBack }: HeldEventReviewProps) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm font-medium">Waiting for review: readers do not see this status until another editor approves it.</p>
      {review.mine ? (
        <p className="text-sm text-[var(--color-muted)]">You recorded or submitted it, so another editor must decide.</p>
      ) : (
        <ReviewDecision reviewId={review.reviewId} subject={subject} approve={approve} sendBack={sendBack} />
      )}
    </div>
  );
}
