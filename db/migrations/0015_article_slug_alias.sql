-- Former slugs of articles, each redirecting to the current one (db/articles/slug-aliases.ts).
-- Pinyin slugs for existing Chinese-titled articles are given by a data step when the database
-- is opened (db/articles/pinyin-slugs.ts): pinyin needs pinyin-pro, which SQL does not have.
CREATE TABLE `article_slug_alias` (
	`slug` text PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_slug_alias_article_idx` ON `article_slug_alias` (`article_id`);
--> statement-breakpoint
-- One address, one article: a slug is either some article's current slug or an alias, never
-- both (an alias of the article itself is dropped by the code that gives the slug back to it).
CREATE TRIGGER `article_slug_alias_not_current` BEFORE INSERT ON `article_slug_alias`
WHEN EXISTS (SELECT 1 FROM `article` WHERE `slug` = NEW.`slug`)
BEGIN SELECT RAISE(ABORT, 'article slug alias: that slug is an article''s current slug'); END;
--> statement-breakpoint
CREATE TRIGGER `article_slug_not_alias_insert` BEFORE INSERT ON `article`
WHEN EXISTS (SELECT 1 FROM `article_slug_alias` WHERE `slug` = NEW.`slug`)
BEGIN SELECT RAISE(ABORT, 'article slug: that slug is another article''s former slug'); END;
--> statement-breakpoint
CREATE TRIGGER `article_slug_not_alias_update` BEFORE UPDATE OF `slug` ON `article`
WHEN EXISTS (SELECT 1 FROM `article_slug_alias` WHERE `slug` = NEW.`slug` AND `article_id` <> NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'article slug: that slug is another article''s former slug'); END;
