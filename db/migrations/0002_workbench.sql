CREATE TABLE `suggestion_dismissal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`sentence` text NOT NULL,
	`dismissed_by` text,
	`dismissed_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dismissed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_dismissal_unique` ON `suggestion_dismissal` (`article_id`,`sentence`);--> statement-breakpoint
ALTER TABLE `article` ADD `body_doc` text;--> statement-breakpoint
ALTER TABLE `article` ADD `body_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `claim` ADD `quantity_value` real;--> statement-breakpoint
ALTER TABLE `claim` ADD `quantity_unit` text;--> statement-breakpoint
ALTER TABLE `claim` ADD `quantity_qualifier` text;--> statement-breakpoint
ALTER TABLE `claim` ADD `quantity_as_of` text;--> statement-breakpoint
ALTER TABLE `claim` ADD `merged_into_id` integer REFERENCES claim(id);