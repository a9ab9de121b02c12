-- The change counter and cache tags: PostgreSQL's twin of SQLite's 0017_change_counter and
-- 0018_cache_tags (db/change-counter.ts and db/cache-tags.ts say why they exist). Every
-- insert, update or delete of a row of a watched table adds one to the single counter row and
-- stamps the tags of what changed with the new value, in the transaction of the change.
--
-- The same tags as SQLite's 0018 per table, from one function instead of 39 trigger bodies:
-- the row is read as jsonb so one function serves every table.
--
-- Several nodes (issue 19, item 5): each change also NOTIFYs channel `claimline_changes` with
-- the table's name as payload. PostgreSQL delivers a notification only when the transaction
-- commits (never for a rollback) and folds identical ones of one transaction into one, so a
-- bulk write sends one per table, not one per row. A node that LISTENs drops its caches at
-- once; one that does not still sees the counter move at its next read, as on SQLite.
--
-- The counter row is also the writers' queue: the UPDATE locks it until commit, so counter
-- values are handed out in commit order and a reader never sees value N+1 committed before N.

INSERT INTO change_counter (id, value) VALUES (1, 0);
--> statement-breakpoint
-- The cache tags a change to one row of `table_name` touches (SQLite 0018, table by table).
-- NULLs (a claim with no owner yet, no merge) are dropped by the caller, as SQLite's `WHERE tag IS NOT NULL`.
CREATE FUNCTION change_tags(table_name text, r jsonb) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE table_name
    WHEN 'app_setting' THEN ARRAY['desk']
    WHEN 'status' THEN ARRAY['desk']
    WHEN 'user' THEN ARRAY['desk']
    WHEN 'article' THEN ARRAY['article-' || (r->>'id'), 'list']
    WHEN 'article_slug_alias' THEN ARRAY['article-' || (r->>'article_id')]
    WHEN 'claim' THEN ARRAY['claim-' || (r->>'id'), 'claim-' || (r->>'timeline_owner_id'), 'claim-' || (r->>'merged_into_id'), 'list']
    WHEN 'mention' THEN ARRAY[
      'article-' || (r->>'article_id'),
      'claim-' || (r->>'claim_id'),
      'claim-' || (SELECT c.timeline_owner_id FROM claim c WHERE c.id = (r->>'claim_id')::integer),
      'list']
    WHEN 'quantity_observation' THEN ARRAY[
      'claim-' || (r->>'claim_id'),
      'claim-' || (SELECT c.timeline_owner_id FROM claim c WHERE c.id = (r->>'claim_id')::integer),
      'list']
    WHEN 'status_event' THEN ARRAY[
      'claim-' || (r->>'claim_id'),
      'claim-' || (SELECT c.timeline_owner_id FROM claim c WHERE c.id = (r->>'claim_id')::integer),
      'list']
    WHEN 'status_event_source' THEN ARRAY[
      'claim-' || (SELECT e.claim_id FROM status_event e WHERE e.id = (r->>'event_id')::integer),
      'claim-' || (SELECT c.timeline_owner_id FROM status_event e JOIN claim c ON c.id = e.claim_id WHERE e.id = (r->>'event_id')::integer),
      'list']
    WHEN 'source' THEN ARRAY(
      SELECT 'claim-' || e.claim_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id WHERE s.source_id = (r->>'id')::integer
      UNION SELECT 'claim-' || c.timeline_owner_id FROM status_event_source s JOIN status_event e ON e.id = s.event_id JOIN claim c ON c.id = e.claim_id
            WHERE s.source_id = (r->>'id')::integer
      UNION SELECT 'list')
    -- suggestion_dismissal, review_request: the counter moves, no reader page names them.
    ELSE ARRAY[]::text[]
  END
$$;
--> statement-breakpoint
CREATE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text[];
  counter bigint;
BEGIN
  IF TG_TABLE_NAME = 'user' THEN
    -- SQLite 0018: a new user shows nowhere yet; a renamed or removed one shows on every page.
    tags := CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[]::text[]
      WHEN 'UPDATE' THEN CASE WHEN OLD.name IS DISTINCT FROM NEW.name THEN ARRAY['desk'] ELSE ARRAY[]::text[] END
      ELSE ARRAY['desk'] END;
  ELSIF TG_OP = 'INSERT' THEN
    tags := change_tags(TG_TABLE_NAME, to_jsonb(NEW));
  ELSIF TG_OP = 'DELETE' THEN
    tags := change_tags(TG_TABLE_NAME, to_jsonb(OLD));
  ELSE
    tags := change_tags(TG_TABLE_NAME, to_jsonb(OLD)) || change_tags(TG_TABLE_NAME, to_jsonb(NEW));
  END IF;
  UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO counter;
  INSERT INTO cache_tag_change AS t (tag, changed_at)
  SELECT DISTINCT tag, counter FROM unnest(tags) AS tag WHERE tag IS NOT NULL
  ON CONFLICT (tag) DO UPDATE SET changed_at = excluded.changed_at;
  PERFORM pg_notify('claimline_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The watched tables of db/change-counter.ts (WATCHED_TABLES), each with SQLite's three
-- trigger names: <table>_changed_insert / _update / _delete.
DO $$
DECLARE
  watched text;
  op text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['app_setting', 'article', 'claim', 'mention', 'quantity_observation', 'source', 'status',
    'status_event', 'status_event_source', 'suggestion_dismissal', 'review_request', 'user', 'article_slug_alias'] LOOP
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I FOR EACH ROW EXECUTE FUNCTION note_change()', watched || '_changed_' || op, upper(op), watched);
    END LOOP;
  END LOOP;
END;
$$;
