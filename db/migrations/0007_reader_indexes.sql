-- Indexes for reader reads at newsroom scale (issue 8, bench/results.md).
-- Every reader query asks of a claim "is there a live mention in a published article": the
-- mention index now holds deleted_at and article_id too, so that question never reads the
-- mention rows. Timelines follow merged claims (merged_into_id = ?), which scanned every claim
-- (or built a temporary index) per step without an index of their own.
DROP INDEX `mention_claim_idx`;--> statement-breakpoint
CREATE INDEX `mention_claim_idx` ON `mention` (`claim_id`,`deleted_at`,`article_id`);--> statement-breakpoint
CREATE INDEX `claim_merged_into_idx` ON `claim` (`merged_into_id`);