/** What a second editor can be asked to approve. */
export const REVIEW_SUBJECTS = ["article", "status_event"] as const;
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number];

/** How a review ends: approved (then published), sent back with a comment, or withdrawn by its author. */
export const REVIEW_OUTCOMES = ["approved", "sent_back", "withdrawn"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The app_setting key of the desk's "second approval" switch ("1" on, anything else off). */
export const SECOND_APPROVAL_SETTING = "review.require_second_approval";
