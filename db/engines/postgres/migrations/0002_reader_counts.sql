-- The kept reader columns and figures: PostgreSQL's twin of SQLite's 0008_reader_counts (read
-- its header for the why). Each claim carries
--   readable           not deleted, with a live mention in a published article;
--   timeline_owner_id  the claim whose timeline shows its events (itself, or the end of its
--                      chain of merges);
--   timeline_readable  whether that owner is readable;
-- and reader_status_count / reader_status_month hold the unfiltered tracker figures.
--
-- The triggers keep SQLite's structure one for one (same names, same one-level steps, same
-- deltas of row state), so both engines keep the same figures for the same writes; a change
-- of `readable` passes on through the UPDATEs the triggers make, which fire the next step's
-- trigger on PostgreSQL as on SQLite. Each step changes a different column than the one that
-- fired it, so none re-fires itself. Triggers of one event fire in name order on PostgreSQL
-- and in an unspecified order on SQLite; as deltas, the figures do not depend on it.
--
-- No backfill: on PostgreSQL these columns exist from the first migration, and a copy of a
-- desk (db:copy, restore) inserts its rows through these same triggers.

-- SQLite 0008's repeated readability expression, written once.
CREATE FUNCTION claim_should_be_readable(claim_id integer, deleted_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = claim_should_be_readable.claim_id AND m.deleted_at IS NULL AND a.status = 'published'
  )
$$;
--> statement-breakpoint
-- Recomputes `readable` of the given claims (SQLite repeats this UPDATE in seven triggers).
CREATE FUNCTION refresh_claim_readable(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE claim SET readable = claim_should_be_readable(claim.id, claim.deleted_at) WHERE claim.id = ANY(ids)
$$;
--> statement-breakpoint
-- Adds `delta` to one tracker count (SQLite: INSERT … ON CONFLICT DO UPDATE, as here).
CREATE FUNCTION bump_reader_status_count(kind text, status_key text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO reader_status_count AS r (kind, status_key, claims) VALUES (kind, status_key, delta)
  ON CONFLICT (kind, status_key) DO UPDATE SET claims = r.claims + excluded.claims
$$;
--> statement-breakpoint
-- Adds `sign` × the published events of `claim_id`, per month and status, to the chart's figures.
CREATE FUNCTION bump_reader_status_months(claim_id integer, sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO reader_status_month AS r (month, status_key, events)
  SELECT substr(e.effective_date, 1, 7), e.status_key, sign * count(*) FROM status_event e
  WHERE e.claim_id = bump_reader_status_months.claim_id AND e.visibility = 'published' GROUP BY 1, 2
  ON CONFLICT (month, status_key) DO UPDATE SET events = r.events + excluded.events
$$;
--> statement-breakpoint
CREATE FUNCTION bump_reader_status_month(effective_date text, status_key text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO reader_status_month AS r (month, status_key, events) VALUES (substr(effective_date, 1, 7), status_key, delta)
  ON CONFLICT (month, status_key) DO UPDATE SET events = r.events + excluded.events
$$;
--> statement-breakpoint
-- SQLite reader_claim_insert: the new claim's owner (claims a restore inserted earlier under it
-- move to its owner too), then whether it is readable, then its figures.
CREATE FUNCTION reader_claim_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim SET timeline_owner_id = coalesce((SELECT p.timeline_owner_id FROM claim p WHERE p.id = NEW.merged_into_id), NEW.id) WHERE id = NEW.id;
  UPDATE claim SET timeline_owner_id = (SELECT n.timeline_owner_id FROM claim n WHERE n.id = NEW.id)
  WHERE timeline_owner_id IN (SELECT w.id FROM claim w WHERE w.merged_into_id = NEW.id);
  PERFORM refresh_claim_readable(ARRAY[NEW.id]);
  IF NEW.readable THEN PERFORM bump_reader_status_count(NEW.kind, NEW.current_status, 1); END IF;
  IF NEW.timeline_readable THEN PERFORM bump_reader_status_months(NEW.id, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_insert AFTER INSERT ON claim FOR EACH ROW EXECUTE FUNCTION reader_claim_insert();
--> statement-breakpoint
-- SQLite reader_claim_deleted: deleting or restoring a claim changes what readers may see.
CREATE FUNCTION reader_claim_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_claim_readable(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_deleted AFTER UPDATE OF deleted_at ON claim FOR EACH ROW
WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at) EXECUTE FUNCTION reader_claim_deleted();
--> statement-breakpoint
-- SQLite reader_claim_merged: the merged claim and every claim it owned move under the target's owner.
CREATE FUNCTION reader_claim_merged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim SET timeline_owner_id = coalesce((SELECT p.timeline_owner_id FROM claim p WHERE p.id = NEW.merged_into_id), NEW.id)
  WHERE id = NEW.id OR timeline_owner_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_merged AFTER UPDATE OF merged_into_id ON claim FOR EACH ROW
WHEN (OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id) EXECUTE FUNCTION reader_claim_merged();
--> statement-breakpoint
-- SQLite reader_claim_owner: a new owner brings its readability.
CREATE FUNCTION reader_claim_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim SET timeline_readable = coalesce((SELECT o.readable FROM claim o WHERE o.id = NEW.timeline_owner_id), false) WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_owner AFTER UPDATE OF timeline_owner_id ON claim FOR EACH ROW
WHEN (OLD.timeline_owner_id IS DISTINCT FROM NEW.timeline_owner_id) EXECUTE FUNCTION reader_claim_owner();
--> statement-breakpoint
-- SQLite reader_claim_readable: a claim that becomes readable (or stops) carries the claims it owns.
CREATE FUNCTION reader_claim_readable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim SET timeline_readable = NEW.readable WHERE timeline_owner_id = NEW.id AND timeline_readable IS DISTINCT FROM NEW.readable;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_readable AFTER UPDATE OF readable ON claim FOR EACH ROW
WHEN (OLD.readable IS DISTINCT FROM NEW.readable) EXECUTE FUNCTION reader_claim_readable();
--> statement-breakpoint
-- SQLite reader_claim_status_count: out with the old row's count, in with the new.
CREATE FUNCTION reader_claim_status_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.readable THEN PERFORM bump_reader_status_count(OLD.kind, OLD.current_status, -1); END IF;
  IF NEW.readable THEN PERFORM bump_reader_status_count(NEW.kind, NEW.current_status, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_status_count AFTER UPDATE OF readable, kind, current_status ON claim FOR EACH ROW
WHEN (OLD.readable IS DISTINCT FROM NEW.readable OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.current_status IS DISTINCT FROM NEW.current_status)
EXECUTE FUNCTION reader_claim_status_count();
--> statement-breakpoint
-- SQLite reader_claim_timeline_count: the claim's published events join or leave the chart.
CREATE FUNCTION reader_claim_timeline_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_reader_status_months(NEW.id, CASE WHEN NEW.timeline_readable THEN 1 ELSE -1 END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_timeline_count AFTER UPDATE OF timeline_readable ON claim FOR EACH ROW
WHEN (OLD.timeline_readable IS DISTINCT FROM NEW.timeline_readable) EXECUTE FUNCTION reader_claim_timeline_count();
--> statement-breakpoint
-- SQLite reader_claim_delete.
CREATE FUNCTION reader_claim_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.readable THEN PERFORM bump_reader_status_count(OLD.kind, OLD.current_status, -1); END IF;
  IF OLD.timeline_readable THEN PERFORM bump_reader_status_months(OLD.id, -1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_claim_delete AFTER DELETE ON claim FOR EACH ROW EXECUTE FUNCTION reader_claim_delete();
--> statement-breakpoint
-- SQLite reader_mention_insert / _update / _delete: mentions decide readability.
CREATE FUNCTION reader_mention_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM refresh_claim_readable(ARRAY[NEW.claim_id]);
  ELSIF TG_OP = 'UPDATE' THEN PERFORM refresh_claim_readable(ARRAY[OLD.claim_id, NEW.claim_id]);
  ELSE PERFORM refresh_claim_readable(ARRAY[OLD.claim_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_mention_insert AFTER INSERT ON mention FOR EACH ROW EXECUTE FUNCTION reader_mention_changed();
--> statement-breakpoint
CREATE TRIGGER reader_mention_update AFTER UPDATE OF claim_id, article_id, deleted_at ON mention FOR EACH ROW
WHEN (OLD.claim_id IS DISTINCT FROM NEW.claim_id OR OLD.article_id IS DISTINCT FROM NEW.article_id OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
EXECUTE FUNCTION reader_mention_changed();
--> statement-breakpoint
CREATE TRIGGER reader_mention_delete AFTER DELETE ON mention FOR EACH ROW EXECUTE FUNCTION reader_mention_changed();
--> statement-breakpoint
-- SQLite reader_article_status / reader_article_delete: (un)publishing decides readability.
CREATE FUNCTION reader_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_claim_readable(ARRAY(SELECT m.claim_id FROM mention m WHERE m.article_id = OLD.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_article_status AFTER UPDATE OF status ON article FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION reader_article_changed();
--> statement-breakpoint
CREATE TRIGGER reader_article_delete AFTER DELETE ON article FOR EACH ROW EXECUTE FUNCTION reader_article_changed();
--> statement-breakpoint
-- SQLite reader_event_insert / _update / _delete: only published events on a readable timeline count.
CREATE FUNCTION reader_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.visibility = 'published'
     AND (SELECT c.timeline_readable FROM claim c WHERE c.id = OLD.claim_id) THEN
    PERFORM bump_reader_status_month(OLD.effective_date, OLD.status_key, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.visibility = 'published'
     AND (SELECT c.timeline_readable FROM claim c WHERE c.id = NEW.claim_id) THEN
    PERFORM bump_reader_status_month(NEW.effective_date, NEW.status_key, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reader_event_insert AFTER INSERT ON status_event FOR EACH ROW EXECUTE FUNCTION reader_event_changed();
--> statement-breakpoint
CREATE TRIGGER reader_event_update AFTER UPDATE OF visibility, status_key, effective_date, claim_id ON status_event FOR EACH ROW EXECUTE FUNCTION reader_event_changed();
--> statement-breakpoint
CREATE TRIGGER reader_event_delete AFTER DELETE ON status_event FOR EACH ROW EXECUTE FUNCTION reader_event_changed();
