-- Full-text search for the public claim tracker. One row per claim that readers can see
-- (not deleted, with at least one live mention in a published article), keyed by rowid = claim
-- id: its statement, the exact words of those mentions and the titles of those articles.
-- Nothing from drafts is ever indexed, so a search cannot reveal a draft's title or words.
--
-- The trigram tokenizer matches any substring of 3+ characters, which suits Chinese (no spaces
-- between words) and English alike; shorter queries fall back to LIKE over the same columns.
--
-- Triggers keep the index in step with every write path (claims, mentions and articles are
-- written from many places). They only ever write claim_search.
--
-- Note for later migrations: SQLite checks trigger and view bodies when a table is renamed,
-- so a migration that rebuilds claim, mention or article (drizzle's __new_ table + RENAME)
-- must drop these triggers and the view first and recreate them afterwards.
CREATE VIRTUAL TABLE `claim_search` USING fts5(`statement`, `quotes`, `titles`, tokenize = 'trigram');
--> statement-breakpoint
-- What the index holds for each readable claim: the one definition the triggers and the backfill share.
CREATE VIEW `claim_search_source` AS
SELECT
  c.`id` AS `claim_id`,
  c.`statement` AS `statement`,
  (
    SELECT group_concat(m.`exact`, char(10) ORDER BY m.`id`)
    FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = c.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  ) AS `quotes`,
  (
    SELECT group_concat(t.`title`, char(10))
    FROM (
      SELECT DISTINCT a.`title` AS `title`
      FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
      WHERE m.`claim_id` = c.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
    ) t
  ) AS `titles`
FROM `claim` c
WHERE c.`deleted_at` IS NULL
  AND EXISTS (
    SELECT 1 FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
    WHERE m.`claim_id` = c.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
  );
--> statement-breakpoint
INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source`;
--> statement-breakpoint
-- Each trigger re-derives the rows of the claims the change touches: delete, then insert what
-- the view says now (nothing when the claim is no longer readable).
CREATE TRIGGER `claim_search_claim_insert`
AFTER INSERT ON `claim`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` = NEW.`id`;
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source` WHERE `claim_id` = NEW.`id`;
END;
--> statement-breakpoint
-- Claims are updated on every status change; only the statement and deletion matter here.
CREATE TRIGGER `claim_search_claim_update`
AFTER UPDATE OF `statement`, `deleted_at` ON `claim`
WHEN OLD.`statement` IS NOT NEW.`statement` OR OLD.`deleted_at` IS NOT NEW.`deleted_at`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` = NEW.`id`;
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source` WHERE `claim_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_claim_delete`
AFTER DELETE ON `claim`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_mention_insert`
AFTER INSERT ON `mention`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` = NEW.`claim_id`;
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source` WHERE `claim_id` = NEW.`claim_id`;
END;
--> statement-breakpoint
-- Re-anchoring rewrites offsets only; a merge moves mentions to another claim, so both the
-- claim they left and the one they joined are re-derived.
CREATE TRIGGER `claim_search_mention_update`
AFTER UPDATE OF `claim_id`, `article_id`, `exact`, `deleted_at` ON `mention`
WHEN OLD.`claim_id` IS NOT NEW.`claim_id` OR OLD.`article_id` IS NOT NEW.`article_id`
  OR OLD.`exact` IS NOT NEW.`exact` OR OLD.`deleted_at` IS NOT NEW.`deleted_at`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` IN (OLD.`claim_id`, NEW.`claim_id`);
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source` WHERE `claim_id` IN (OLD.`claim_id`, NEW.`claim_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_mention_delete`
AFTER DELETE ON `mention`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` = OLD.`claim_id`;
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source` WHERE `claim_id` = OLD.`claim_id`;
END;
--> statement-breakpoint
-- Articles are saved whole on every edit; only a new title or a (un)publish changes the index.
CREATE TRIGGER `claim_search_article_update`
AFTER UPDATE OF `title`, `status` ON `article`
WHEN OLD.`title` IS NOT NEW.`title` OR OLD.`status` IS NOT NEW.`status`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = NEW.`id`);
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source`
  WHERE `claim_id` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_search_article_delete`
AFTER DELETE ON `article`
BEGIN
  DELETE FROM `claim_search` WHERE `rowid` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = OLD.`id`);
  INSERT INTO `claim_search` (`rowid`, `statement`, `quotes`, `titles`)
  SELECT `claim_id`, `statement`, `quotes`, `titles` FROM `claim_search_source`
  WHERE `claim_id` IN (SELECT `claim_id` FROM `mention` WHERE `article_id` = OLD.`id`);
END;
