-- Whether a claim's claimant is a person or an organisation, for ClaimReview's itemReviewed.author
-- (@type Person or Organization). Null for every existing claim: not said, written as before.
-- A plain ADD COLUMN: no table rebuild, so the triggers of 0005 and 0008 stay as they are.
ALTER TABLE `claim` ADD `claimant_type` text;
