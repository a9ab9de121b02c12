-- History the database itself refuses to rewrite or remove, whatever code path tries.
-- Mirrors SQLite's 0001_append_only_history (published status events, the audit log),
-- 0004_observations_append_only (quantity observations) and the slug rules of
-- 0015_article_slug_alias. Each SQLite `RAISE(ABORT, …)` becomes a RAISE EXCEPTION with the
-- same message, so callers see the same text on both engines.

-- SQLite 0001: a published event is never updated or deleted; drafts may be edited or discarded.
CREATE FUNCTION status_event_published_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.visibility = 'published' THEN
    RAISE EXCEPTION 'published status events are append-only: record a correction instead' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER status_event_published_no_update BEFORE UPDATE ON status_event
FOR EACH ROW EXECUTE FUNCTION status_event_published_append_only();
--> statement-breakpoint
CREATE TRIGGER status_event_published_no_delete BEFORE DELETE ON status_event
FOR EACH ROW EXECUTE FUNCTION status_event_published_append_only();
--> statement-breakpoint
-- SQLite 0001 (audit log) and 0004 (quantity observations): no update, no delete, ever. The
-- message is the trigger's argument. TRUNCATE bypasses row triggers, so it is refused too.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit log is append-only');
--> statement-breakpoint
CREATE TRIGGER status_event_no_truncate BEFORE TRUNCATE ON status_event
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('published status events are append-only: record a correction instead');
--> statement-breakpoint
CREATE TRIGGER quantity_observation_no_update BEFORE UPDATE ON quantity_observation
FOR EACH ROW EXECUTE FUNCTION refuse_change('quantity observations are append-only');
--> statement-breakpoint
CREATE TRIGGER quantity_observation_no_delete BEFORE DELETE ON quantity_observation
FOR EACH ROW EXECUTE FUNCTION refuse_change('quantity observations are append-only');
--> statement-breakpoint
CREATE TRIGGER quantity_observation_no_truncate BEFORE TRUNCATE ON quantity_observation
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('quantity observations are append-only');
--> statement-breakpoint
-- SQLite 0015: one address, one article. A slug is either some article's current slug or an
-- alias, never both.
CREATE FUNCTION article_slug_alias_not_current() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM article WHERE slug = NEW.slug) THEN
    RAISE EXCEPTION 'article slug alias: that slug is an article''s current slug' USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER article_slug_alias_not_current BEFORE INSERT ON article_slug_alias
FOR EACH ROW EXECUTE FUNCTION article_slug_alias_not_current();
--> statement-breakpoint
CREATE FUNCTION article_slug_not_alias() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM article_slug_alias WHERE slug = NEW.slug AND (TG_OP = 'INSERT' OR article_id <> NEW.id)) THEN
    RAISE EXCEPTION 'article slug: that slug is another article''s former slug' USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER article_slug_not_alias_insert BEFORE INSERT ON article
FOR EACH ROW EXECUTE FUNCTION article_slug_not_alias();
--> statement-breakpoint
CREATE TRIGGER article_slug_not_alias_update BEFORE UPDATE OF slug ON article
FOR EACH ROW EXECUTE FUNCTION article_slug_not_alias();
