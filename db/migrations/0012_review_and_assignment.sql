-- The publish-and-review flow (issue 15): requests for a second editor's approval, and the
-- editor a claim is assigned to. Articles and status events keep their two states: an article
-- waiting for review is still a draft, and a held status event is a draft event, so every
-- reader query and the append-only triggers of 0001 stay as they are.
-- A plain ADD COLUMN on claim: no table rebuild, so the triggers of 0005 and 0008 stay too.
CREATE TABLE `review_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`subject_version` integer,
	`requested_by` text,
	`requested_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`outcome` text,
	`decided_by` text,
	`decided_at` integer,
	`comment` text,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_request_open_idx` ON `review_request` (`subject_type`,`subject_id`) WHERE outcome IS NULL;--> statement-breakpoint
CREATE INDEX `review_request_subject_idx` ON `review_request` (`subject_type`,`subject_id`,`requested_at`);--> statement-breakpoint
ALTER TABLE `claim` ADD `assignee_id` text REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `claim_assignee_idx` ON `claim` (`assignee_id`);