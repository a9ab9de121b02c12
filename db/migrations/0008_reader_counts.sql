-- Reader figures that do not grow with the desk (issue 8, bench/findings.md). Every tracker
-- view used to check "readable" (not deleted, with a live mention in a published article)
-- claim by claim, count claims per status and aggregate every published event for the chart.
-- Now each claim carries:
--   readable           what readers may see, as above (the same rule as claim_search, 0005);
--   timeline_owner_id  the claim whose timeline shows its events: itself, or the end of its
--                      chain of merges (only live claims are merged, so a chain ends in a root);
--   timeline_readable  whether that owner is readable: its published events count on the chart;
-- and two small tables hold the unfiltered figures: readable claims per status, and published
-- events of readable timelines per month and status. Triggers keep all of it in step in the
-- transaction of every write, from whatever path (app, import, demo seed, bench generator).
--
-- Triggers cannot recurse (recursive_triggers is off) and cannot use WITH, so each step is one
-- level: a write recomputes `readable`; a change of `readable` passes to the claims it owns;
-- a change of `timeline_readable` adds or removes that claim's events. Counts are kept as
-- deltas of row state, so the order in which SQLite fires sibling triggers does not matter.
--
-- As 0005 notes: a migration that rebuilds claim, mention, article or status_event must drop
-- these triggers first and recreate them afterwards.
CREATE TABLE `reader_status_count` (
	`kind` text NOT NULL,
	`status_key` text NOT NULL,
	`claims` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `status_key`)
);
--> statement-breakpoint
CREATE TABLE `reader_status_month` (
	`month` text NOT NULL,
	`status_key` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `status_key`)
);
--> statement-breakpoint
ALTER TABLE `claim` ADD `readable` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `claim` ADD `timeline_owner_id` integer;--> statement-breakpoint
ALTER TABLE `claim` ADD `timeline_readable` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `claim_readable_updated_idx` ON `claim` (`readable`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `claim_readable_kind_idx` ON `claim` (`readable`,`kind`,`current_status`);--> statement-breakpoint
CREATE INDEX `claim_readable_claim_date_idx` ON `claim` (`readable`,(claim_date IS NULL),`claim_date`,`id`);--> statement-breakpoint
CREATE INDEX `claim_readable_claim_date_desc_idx` ON `claim` (`readable`,(claim_date IS NOT NULL),`claim_date`,`id`);--> statement-breakpoint
CREATE INDEX `claim_timeline_owner_idx` ON `claim` (`timeline_owner_id`);
--> statement-breakpoint
UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE 1;
--> statement-breakpoint
WITH RECURSIVE `owner`(`id`, `root`) AS (
  SELECT `id`, `id` FROM `claim` WHERE `merged_into_id` IS NULL
  UNION ALL
  SELECT c.`id`, `owner`.`root` FROM `claim` c JOIN `owner` ON c.`merged_into_id` = `owner`.`id`
)
UPDATE `claim` SET `timeline_owner_id` = `owner`.`root` FROM `owner` WHERE `owner`.`id` = `claim`.`id`;
--> statement-breakpoint
UPDATE `claim` SET `timeline_owner_id` = `id` WHERE `timeline_owner_id` IS NULL;
--> statement-breakpoint
UPDATE `claim` SET `timeline_readable` = coalesce((SELECT o.`readable` FROM `claim` o WHERE o.`id` = `claim`.`timeline_owner_id`), 0);
--> statement-breakpoint
INSERT INTO `reader_status_count` (`kind`, `status_key`, `claims`)
SELECT `kind`, `current_status`, count(*) FROM `claim` WHERE `readable` = 1 GROUP BY `kind`, `current_status`;
--> statement-breakpoint
INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
SELECT substr(e.`effective_date`, 1, 7), e.`status_key`, count(*)
FROM `status_event` e JOIN `claim` c ON c.`id` = e.`claim_id`
WHERE e.`visibility` = 'published' AND c.`timeline_readable` = 1
GROUP BY 1, 2;
--> statement-breakpoint
-- A new claim: its owner (a restore can insert a merged claim before the claim it was merged
-- into, so claims already waiting under it move to its owner too), then whether it is readable.
CREATE TRIGGER `reader_claim_insert`
AFTER INSERT ON `claim`
BEGIN
  UPDATE `claim` SET `timeline_owner_id` = coalesce((SELECT p.`timeline_owner_id` FROM `claim` p WHERE p.`id` = NEW.`merged_into_id`), NEW.`id`) WHERE `id` = NEW.`id`;
  UPDATE `claim` SET `timeline_owner_id` = (SELECT n.`timeline_owner_id` FROM `claim` n WHERE n.`id` = NEW.`id`)
  WHERE `timeline_owner_id` IN (SELECT w.`id` FROM `claim` w WHERE w.`merged_into_id` = NEW.`id`);
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` = NEW.`id`;
  INSERT INTO `reader_status_count` (`kind`, `status_key`, `claims`) SELECT NEW.`kind`, NEW.`current_status`, 1 WHERE NEW.`readable` = 1
  ON CONFLICT (`kind`, `status_key`) DO UPDATE SET `claims` = `claims` + excluded.`claims`;
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(e.`effective_date`, 1, 7), e.`status_key`, count(*) FROM `status_event` e
  WHERE NEW.`timeline_readable` = 1 AND e.`claim_id` = NEW.`id` AND e.`visibility` = 'published' GROUP BY 1, 2
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
--> statement-breakpoint
-- Deleting, restoring or retiring (merging) a claim changes what readers may see.
CREATE TRIGGER `reader_claim_deleted`
AFTER UPDATE OF `deleted_at` ON `claim`
WHEN OLD.`deleted_at` IS NOT NEW.`deleted_at`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- A merge moves the merged claim and every claim it owned under the target's owner. Only a
-- live claim (its own owner) is ever merged, so the claims it owns are exactly its subtree.
CREATE TRIGGER `reader_claim_merged`
AFTER UPDATE OF `merged_into_id` ON `claim`
WHEN OLD.`merged_into_id` IS NOT NEW.`merged_into_id`
BEGIN
  UPDATE `claim` SET `timeline_owner_id` = coalesce((SELECT p.`timeline_owner_id` FROM `claim` p WHERE p.`id` = NEW.`merged_into_id`), NEW.`id`)
  WHERE `id` = NEW.`id` OR `timeline_owner_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_claim_owner`
AFTER UPDATE OF `timeline_owner_id` ON `claim`
WHEN OLD.`timeline_owner_id` IS NOT NEW.`timeline_owner_id`
BEGIN
  UPDATE `claim` SET `timeline_readable` = coalesce((SELECT o.`readable` FROM `claim` o WHERE o.`id` = NEW.`timeline_owner_id`), 0)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- A claim that becomes readable (or stops) carries the claims whose events it shows.
CREATE TRIGGER `reader_claim_readable`
AFTER UPDATE OF `readable` ON `claim`
WHEN OLD.`readable` IS NOT NEW.`readable`
BEGIN
  UPDATE `claim` SET `timeline_readable` = NEW.`readable` WHERE `timeline_owner_id` = NEW.`id` AND `timeline_readable` IS NOT NEW.`readable`;
END;
--> statement-breakpoint
-- The figures, as deltas of a claim's state: out with the old row, in with the new.
CREATE TRIGGER `reader_claim_status_count`
AFTER UPDATE OF `readable`, `kind`, `current_status` ON `claim`
WHEN OLD.`readable` IS NOT NEW.`readable` OR OLD.`kind` IS NOT NEW.`kind` OR OLD.`current_status` IS NOT NEW.`current_status`
BEGIN
  INSERT INTO `reader_status_count` (`kind`, `status_key`, `claims`) SELECT OLD.`kind`, OLD.`current_status`, -1 WHERE OLD.`readable` = 1
  ON CONFLICT (`kind`, `status_key`) DO UPDATE SET `claims` = `claims` + excluded.`claims`;
  INSERT INTO `reader_status_count` (`kind`, `status_key`, `claims`) SELECT NEW.`kind`, NEW.`current_status`, 1 WHERE NEW.`readable` = 1
  ON CONFLICT (`kind`, `status_key`) DO UPDATE SET `claims` = `claims` + excluded.`claims`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_claim_timeline_count`
AFTER UPDATE OF `timeline_readable` ON `claim`
WHEN OLD.`timeline_readable` IS NOT NEW.`timeline_readable`
BEGIN
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(e.`effective_date`, 1, 7), e.`status_key`, CASE WHEN NEW.`timeline_readable` = 1 THEN 1 ELSE -1 END * count(*) FROM `status_event` e
  WHERE e.`claim_id` = NEW.`id` AND e.`visibility` = 'published' GROUP BY 1, 2
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_claim_delete`
AFTER DELETE ON `claim`
BEGIN
  INSERT INTO `reader_status_count` (`kind`, `status_key`, `claims`) SELECT OLD.`kind`, OLD.`current_status`, -1 WHERE OLD.`readable` = 1
  ON CONFLICT (`kind`, `status_key`) DO UPDATE SET `claims` = `claims` + excluded.`claims`;
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(e.`effective_date`, 1, 7), e.`status_key`, -count(*) FROM `status_event` e
  WHERE OLD.`timeline_readable` = 1 AND e.`claim_id` = OLD.`id` AND e.`visibility` = 'published' GROUP BY 1, 2
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
--> statement-breakpoint
-- Mentions and articles decide readability, as for claim_search (0005).
CREATE TRIGGER `reader_mention_insert`
AFTER INSERT ON `mention`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` = NEW.`claim_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_mention_update`
AFTER UPDATE OF `claim_id`, `article_id`, `deleted_at` ON `mention`
WHEN OLD.`claim_id` IS NOT NEW.`claim_id` OR OLD.`article_id` IS NOT NEW.`article_id` OR OLD.`deleted_at` IS NOT NEW.`deleted_at`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` IN (OLD.`claim_id`, NEW.`claim_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `reader_mention_delete`
AFTER DELETE ON `mention`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` = OLD.`claim_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_article_status`
AFTER UPDATE OF `status` ON `article`
WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `reader_article_delete`
AFTER DELETE ON `article`
BEGIN
  UPDATE `claim` SET `readable` = (`claim`.`deleted_at` IS NULL AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = `claim`.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ))
  WHERE `id` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = OLD.`id`);
END;
--> statement-breakpoint
-- Events: only published ones count, on the claim whose timeline_readable says so.
CREATE TRIGGER `reader_event_insert`
AFTER INSERT ON `status_event`
BEGIN
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(NEW.`effective_date`, 1, 7), NEW.`status_key`, 1
  WHERE NEW.`visibility` = 'published' AND (SELECT c.`timeline_readable` FROM `claim` c WHERE c.`id` = NEW.`claim_id`) = 1
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
--> statement-breakpoint
-- Publishing a draft; drafts can also be edited (status, date) or discarded.
CREATE TRIGGER `reader_event_update`
AFTER UPDATE OF `visibility`, `status_key`, `effective_date`, `claim_id` ON `status_event`
BEGIN
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(OLD.`effective_date`, 1, 7), OLD.`status_key`, -1
  WHERE OLD.`visibility` = 'published' AND (SELECT c.`timeline_readable` FROM `claim` c WHERE c.`id` = OLD.`claim_id`) = 1
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(NEW.`effective_date`, 1, 7), NEW.`status_key`, 1
  WHERE NEW.`visibility` = 'published' AND (SELECT c.`timeline_readable` FROM `claim` c WHERE c.`id` = NEW.`claim_id`) = 1
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
--> statement-breakpoint
CREATE TRIGGER `reader_event_delete`
AFTER DELETE ON `status_event`
BEGIN
  INSERT INTO `reader_status_month` (`month`, `status_key`, `events`)
  SELECT substr(OLD.`effective_date`, 1, 7), OLD.`status_key`, -1
  WHERE OLD.`visibility` = 'published' AND (SELECT c.`timeline_readable` FROM `claim` c WHERE c.`id` = OLD.`claim_id`) = 1
  ON CONFLICT (`month`, `status_key`) DO UPDATE SET `events` = `events` + excluded.`events`;
END;
