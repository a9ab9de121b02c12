-- Claimline databases must open in the SQLite of a stable Debian (3.40): its `sqlite3` shell
-- and Python's sqlite3 module refused them with "malformed database schema
-- (claim_search_source) near ORDER", since 0005 wrote `group_concat(… ORDER BY …)`, an
-- aggregate ORDER BY that only SQLite 3.44 parses. A schema any reader must parse may only use
-- syntax from 3.40 on (the test db/sqlite-compat.test.ts opens a database in Debian's shell).
--
-- The view is recreated with the same columns and results: the quotes are concatenated over a
-- subquery ordered by mention id. SQLite keeps a FROM subquery's ORDER BY when the outer query
-- uses an aggregate other than count/min/max (it neither flattens such a subquery nor drops its
-- ORDER BY), so group_concat sees the rows in that order, in 3.40 as in the bundled SQLite.
-- The triggers of 0005 name the view, not its body, so they need no change; the index rows
-- they wrote stay valid, being the same text.
DROP VIEW `claim_search_source`;
--> statement-breakpoint
CREATE VIEW `claim_search_source` AS
SELECT
  c.`id` AS `claim_id`,
  c.`statement` AS `statement`,
  (
    SELECT group_concat(q.`exact`, char(10))
    FROM (
      SELECT m.`exact` AS `exact`
      FROM `mention` m JOIN `article` a ON a.`id` = m.`article_id`
      WHERE m.`claim_id` = c.`id` AND m.`deleted_at` IS NULL AND a.`status` = 'published'
      ORDER BY m.`id`
    ) q
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
