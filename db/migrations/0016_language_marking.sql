-- The language of what users wrote (issue 16, item 2): a claim's statement, a mention's quoted
-- words (a mixed-language article's quotes can differ from the article), a status event's
-- rationale and a source's title. The app detects each on write; editors can change the
-- statement's and the rationale's.
--
-- Existing rows stay NULL and are detected when rendered (lib/text-language.ts, memoised): SQL
-- cannot run the detector, and a published status event may not be updated at all (the
-- append-only triggers of 0001), so a backfill would have to drop those triggers. Plain
-- ADD COLUMNs: no table rebuild, so the triggers of 0001, 0005 and 0008 stay as they are.
ALTER TABLE `claim` ADD `statement_language` text;--> statement-breakpoint
ALTER TABLE `mention` ADD `language` text;--> statement-breakpoint
ALTER TABLE `source` ADD `title_language` text;--> statement-breakpoint
ALTER TABLE `status_event` ADD `rationale_language` text;
