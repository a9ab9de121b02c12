import type Database from "better-sqlite3";

/**
 * Migration 0008 keeps the tracker's figures (claim.readable, timeline_owner_id and
 * timeline_readable, reader_status_count, reader_status_month) with triggers that re-derive a
 * claim on every mention and event insert. Like the search triggers, the generator sets them
 * aside while it writes and then recomputes everything at once, with the statements of the
 * migration's backfill (db/migrations/0008_reader_counts.sql). db/tracker/reader-figures.test.ts
 * checks a generated desk against a recomputation from the rows, so the two cannot drift apart.
 */
const READABLE = `(claim.deleted_at IS NULL AND EXISTS (
  SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
  WHERE m.claim_id = claim.id AND m.deleted_at IS NULL AND a.status = 'published'))`;

const RECOMPUTE = [
  `UPDATE claim SET readable = ${READABLE}`,
  `WITH RECURSIVE owner(id, root) AS (
     SELECT id, id FROM claim WHERE merged_into_id IS NULL
     UNION ALL SELECT c.id, owner.root FROM claim c JOIN owner ON c.merged_into_id = owner.id
   )
   UPDATE claim SET timeline_owner_id = owner.root FROM owner WHERE owner.id = claim.id`,
  "UPDATE claim SET timeline_owner_id = id WHERE timeline_owner_id IS NULL",
  "UPDATE claim SET timeline_readable = coalesce((SELECT o.readable FROM claim o WHERE o.id = claim.timeline_owner_id), 0)",
  "DELETE FROM reader_status_count",
  `INSERT INTO reader_status_count (kind, status_key, claims)
   SELECT kind, current_status, count(*) FROM claim WHERE readable = 1 GROUP BY kind, current_status`,
  "DELETE FROM reader_status_month",
  `INSERT INTO reader_status_month (month, status_key, events)
   SELECT substr(e.effective_date, 1, 7), e.status_key, count(*)
   FROM status_event e JOIN claim c ON c.id = e.claim_id
   WHERE e.visibility = 'published' AND c.timeline_readable = 1
   GROUP BY 1, 2`,
];

/** Drops the figures' triggers and returns a function that recomputes the figures and puts the triggers back. Call inside the writing transaction. */
export function setReaderFigureTriggersAside(sqlite: Database.Database): () => void {
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'reader\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER \`${trigger.name}\``);
  return () => {
    for (const statement of RECOMPUTE) sqlite.exec(statement);
    for (const trigger of triggers) sqlite.exec(trigger.sql);
  };
}
