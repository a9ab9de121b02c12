CREATE TABLE `change_counter` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "change_counter_one_row" CHECK("change_counter"."id" = 1)
);
--> statement-breakpoint
-- The one row, from the start: the triggers only ever update it.
INSERT INTO `change_counter` (`id`, `value`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_insert` AFTER INSERT ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_update` AFTER UPDATE ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `app_setting_changed_delete` AFTER DELETE ON `app_setting`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_changed_insert` AFTER INSERT ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_changed_update` AFTER UPDATE ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_changed_delete` AFTER DELETE ON `article`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_insert` AFTER INSERT ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_update` AFTER UPDATE ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_changed_delete` AFTER DELETE ON `claim`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_insert` AFTER INSERT ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_update` AFTER UPDATE ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `mention_changed_delete` AFTER DELETE ON `mention`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_insert` AFTER INSERT ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_update` AFTER UPDATE ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_changed_delete` AFTER DELETE ON `quantity_observation`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `source_changed_insert` AFTER INSERT ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `source_changed_update` AFTER UPDATE ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `source_changed_delete` AFTER DELETE ON `source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_changed_insert` AFTER INSERT ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_changed_update` AFTER UPDATE ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_changed_delete` AFTER DELETE ON `status`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_insert` AFTER INSERT ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_update` AFTER UPDATE ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_changed_delete` AFTER DELETE ON `status_event`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_insert` AFTER INSERT ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_update` AFTER UPDATE ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_source_changed_delete` AFTER DELETE ON `status_event_source`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_insert` AFTER INSERT ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_update` AFTER UPDATE ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_dismissal_changed_delete` AFTER DELETE ON `suggestion_dismissal`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_insert` AFTER INSERT ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_update` AFTER UPDATE ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_request_changed_delete` AFTER DELETE ON `review_request`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_changed_insert` AFTER INSERT ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_changed_update` AFTER UPDATE ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_changed_delete` AFTER DELETE ON `user`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_insert` AFTER INSERT ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_update` AFTER UPDATE ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `article_slug_alias_changed_delete` AFTER DELETE ON `article_slug_alias`
BEGIN
  UPDATE `change_counter` SET `value` = `value` + 1 WHERE `id` = 1;
END;
