CREATE TABLE `cache_tag_change` (
	`tag` text PRIMARY KEY NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
-- The triggers of 0017, now also naming what changed (db/cache-tags.ts lists which tags each table names). One trigger per change, so the
-- counter moves before the tags are stamped with its new value.
DROP TRIGGER `app_setting_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_insert` AFTER INSERT ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `app_setting_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_update` AFTER UPDATE ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
    UNION SELECT 'desk'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `app_setting_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_delete` AFTER DELETE ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `status_changed_insert` AFTER INSERT ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `status_changed_update` AFTER UPDATE ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
    UNION SELECT 'desk'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `status_changed_delete` AFTER DELETE ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `article_changed_insert` AFTER INSERT ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || NEW.id AS tag
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `article_changed_update` AFTER UPDATE ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.id AS tag
    UNION SELECT 'list'
    UNION SELECT 'article-' || NEW.id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `article_changed_delete` AFTER DELETE ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.id AS tag
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `claim_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_insert` AFTER INSERT ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || NEW.id AS tag
    UNION SELECT 'claim-' || NEW.timeline_owner_id
    UNION SELECT 'claim-' || NEW.merged_into_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `claim_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_update` AFTER UPDATE ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.id AS tag
    UNION SELECT 'claim-' || OLD.timeline_owner_id
    UNION SELECT 'claim-' || OLD.merged_into_id
    UNION SELECT 'list'
    UNION SELECT 'claim-' || NEW.id
    UNION SELECT 'claim-' || NEW.timeline_owner_id
    UNION SELECT 'claim-' || NEW.merged_into_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `claim_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_delete` AFTER DELETE ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.id AS tag
    UNION SELECT 'claim-' || OLD.timeline_owner_id
    UNION SELECT 'claim-' || OLD.merged_into_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `mention_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_insert` AFTER INSERT ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || NEW.article_id AS tag
    UNION SELECT 'claim-' || NEW.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `mention_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_update` AFTER UPDATE ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.article_id AS tag
    UNION SELECT 'claim-' || OLD.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
    UNION SELECT 'article-' || NEW.article_id
    UNION SELECT 'claim-' || NEW.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `mention_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_delete` AFTER DELETE ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.article_id AS tag
    UNION SELECT 'claim-' || OLD.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `quantity_observation_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_insert` AFTER INSERT ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || NEW.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `quantity_observation_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_update` AFTER UPDATE ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
    UNION SELECT 'claim-' || NEW.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `quantity_observation_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_delete` AFTER DELETE ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_insert` AFTER INSERT ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || NEW.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_update` AFTER UPDATE ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
    UNION SELECT 'claim-' || NEW.claim_id
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = NEW.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_delete` AFTER DELETE ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || OLD.claim_id AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = OLD.claim_id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_source_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_insert` AFTER INSERT ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || (SELECT claim_id FROM status_event WHERE id = NEW.event_id) AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = (SELECT claim_id FROM status_event WHERE id = NEW.event_id)
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_source_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_update` AFTER UPDATE ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || (SELECT claim_id FROM status_event WHERE id = OLD.event_id) AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = (SELECT claim_id FROM status_event WHERE id = OLD.event_id)
    UNION SELECT 'list'
    UNION SELECT 'claim-' || (SELECT claim_id FROM status_event WHERE id = NEW.event_id)
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = (SELECT claim_id FROM status_event WHERE id = NEW.event_id)
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `status_event_source_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_delete` AFTER DELETE ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || (SELECT claim_id FROM status_event WHERE id = OLD.event_id) AS tag
    UNION SELECT 'claim-' || timeline_owner_id FROM claim WHERE id = (SELECT claim_id FROM status_event WHERE id = OLD.event_id)
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `source_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `source_changed_insert` AFTER INSERT ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || e.claim_id AS tag FROM status_event_source s JOIN status_event e ON e.id = s.event_id WHERE s.source_id = NEW.id
    UNION SELECT 'claim-' || c.timeline_owner_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id JOIN claim c ON c.id = e.claim_id WHERE s.source_id = NEW.id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `source_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `source_changed_update` AFTER UPDATE ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || e.claim_id AS tag FROM status_event_source s JOIN status_event e ON e.id = s.event_id WHERE s.source_id = OLD.id
    UNION SELECT 'claim-' || c.timeline_owner_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id JOIN claim c ON c.id = e.claim_id WHERE s.source_id = OLD.id
    UNION SELECT 'list'
    UNION SELECT 'claim-' || e.claim_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id WHERE s.source_id = NEW.id
    UNION SELECT 'claim-' || c.timeline_owner_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id JOIN claim c ON c.id = e.claim_id WHERE s.source_id = NEW.id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `source_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `source_changed_delete` AFTER DELETE ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'claim-' || e.claim_id AS tag FROM status_event_source s JOIN status_event e ON e.id = s.event_id WHERE s.source_id = OLD.id
    UNION SELECT 'claim-' || c.timeline_owner_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id JOIN claim c ON c.id = e.claim_id WHERE s.source_id = OLD.id
    UNION SELECT 'list'
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_slug_alias_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_insert` AFTER INSERT ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || NEW.article_id AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_slug_alias_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_update` AFTER UPDATE ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.article_id AS tag
    UNION SELECT 'article-' || NEW.article_id
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `article_slug_alias_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_delete` AFTER DELETE ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'article-' || OLD.article_id AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `suggestion_dismissal_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_insert` AFTER INSERT ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `suggestion_dismissal_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_update` AFTER UPDATE ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `suggestion_dismissal_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_delete` AFTER DELETE ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `review_request_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_insert` AFTER INSERT ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `review_request_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_update` AFTER UPDATE ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `review_request_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_delete` AFTER DELETE ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `user_changed_insert`;
--> statement-breakpoint
CREATE TRIGGER `user_changed_insert` AFTER INSERT ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
DROP TRIGGER `user_changed_update`;
--> statement-breakpoint
CREATE TRIGGER `user_changed_update` AFTER UPDATE ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT 'desk', (SELECT `value` FROM `change_counter` WHERE `id` = 1) WHERE OLD.`name` IS NOT NEW.`name`
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
--> statement-breakpoint
DROP TRIGGER `user_changed_delete`;
--> statement-breakpoint
CREATE TRIGGER `user_changed_delete` AFTER DELETE ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
  INSERT INTO `cache_tag_change` (`tag`, `changed_at`)
  SELECT `tag`, (SELECT `value` FROM `change_counter` WHERE `id` = 1) FROM (
    SELECT 'desk' AS tag
  ) WHERE `tag` IS NOT NULL
  ON CONFLICT (`tag`) DO UPDATE SET `changed_at` = excluded.`changed_at`;
END;
