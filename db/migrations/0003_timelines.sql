CREATE TABLE `quantity_observation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`value` real NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`observed_on` text NOT NULL,
	`note` text,
	`source_id` integer,
	`author_id` text,
	`recorded_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claim`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `quantity_observation_claim_idx` ON `quantity_observation` (`claim_id`,`observed_on`);--> statement-breakpoint
ALTER TABLE `claim` ADD `recheck_by` text;--> statement-breakpoint
CREATE INDEX `claim_recheck_idx` ON `claim` (`recheck_by`);