-- Search for the public claim tracker: PostgreSQL's twin of SQLite's 0005_claim_search (and
-- 0010, which rewrote its view). One row per claim readers can see (not deleted, with a live
-- mention in a published article): its statement, the exact words of those mentions and the
-- titles of those articles. Nothing from drafts is ever indexed. Triggers with 0005's names
-- keep it in step with every write path.
--
-- SQLite uses an FTS5 table with the trigram tokenizer; here it is a plain table with pg_trgm
-- GIN indexes, which serve `ILIKE '%…%'` for any text of three characters or more, Chinese as
-- English (pg_trgm counts CJK characters as word characters when the database's LC_CTYPE is a
-- UTF-8 one such as C.UTF-8 or en_US.UTF-8; under plain "C" the queries stay correct but are
-- not served by the index). pg_trgm ships with PostgreSQL (Debian: the postgresql package) and
-- is a trusted extension, so a database owner may create it without superuser rights.
--
-- One- and two-character queries (开源, a single 税) have no trigram to look up: they are
-- answered by the same ILIKE over claim_search, as a sequential scan of this table. That is
-- what SQLite's LIKE fallback does too; the table holds only readable claims (a few short text
-- columns each), so the scan is bounded by the public desk, not by drafts or history. If it
-- ever shows in the bench, a bigram index (pg_bigm, not in Debian) is the next step.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE claim_search (
  claim_id integer PRIMARY KEY NOT NULL,
  statement text NOT NULL,
  quotes text,
  titles text
);
--> statement-breakpoint
CREATE INDEX claim_search_statement_trgm_idx ON claim_search USING gin (statement gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX claim_search_quotes_trgm_idx ON claim_search USING gin (quotes gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX claim_search_titles_trgm_idx ON claim_search USING gin (titles gin_trgm_ops);
--> statement-breakpoint
-- What the index holds for each readable claim (SQLite 0010's view): quotes in mention order,
-- distinct titles (sorted here; their order does not matter to a substring search).
CREATE VIEW claim_search_source AS
SELECT
  c.id AS claim_id,
  c.statement AS statement,
  (
    SELECT string_agg(m.exact, E'\n' ORDER BY m.id)
    FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'
  ) AS quotes,
  (
    SELECT string_agg(t.title, E'\n' ORDER BY t.title)
    FROM (
      SELECT DISTINCT a.title AS title
      FROM mention m JOIN article a ON a.id = m.article_id
      WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'
    ) t
  ) AS titles
FROM claim c
WHERE c.deleted_at IS NULL
  AND EXISTS (
    SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'
  );
--> statement-breakpoint
-- SQLite's triggers each delete the claims' rows and insert what the view says now.
CREATE FUNCTION refresh_claim_search(ids integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM claim_search WHERE claim_id = ANY(ids);
  INSERT INTO claim_search (claim_id, statement, quotes, titles)
  SELECT claim_id, statement, quotes, titles FROM claim_search_source WHERE claim_id = ANY(ids);
$$;
--> statement-breakpoint
-- SQLite claim_search_claim_insert / _update / _delete.
CREATE FUNCTION claim_search_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN DELETE FROM claim_search WHERE claim_id = OLD.id;
  ELSE PERFORM refresh_claim_search(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_search_claim_insert AFTER INSERT ON claim FOR EACH ROW EXECUTE FUNCTION claim_search_claim_changed();
--> statement-breakpoint
CREATE TRIGGER claim_search_claim_update AFTER UPDATE OF statement, deleted_at ON claim FOR EACH ROW
WHEN (OLD.statement IS DISTINCT FROM NEW.statement OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
EXECUTE FUNCTION claim_search_claim_changed();
--> statement-breakpoint
CREATE TRIGGER claim_search_claim_delete AFTER DELETE ON claim FOR EACH ROW EXECUTE FUNCTION claim_search_claim_changed();
--> statement-breakpoint
-- SQLite claim_search_mention_insert / _update / _delete: a merge moves mentions to another
-- claim, so both the claim they left and the one they joined are re-derived.
CREATE FUNCTION claim_search_mention_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM refresh_claim_search(ARRAY[NEW.claim_id]);
  ELSIF TG_OP = 'UPDATE' THEN PERFORM refresh_claim_search(ARRAY[OLD.claim_id, NEW.claim_id]);
  ELSE PERFORM refresh_claim_search(ARRAY[OLD.claim_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_search_mention_insert AFTER INSERT ON mention FOR EACH ROW EXECUTE FUNCTION claim_search_mention_changed();
--> statement-breakpoint
CREATE TRIGGER claim_search_mention_update AFTER UPDATE OF claim_id, article_id, exact, deleted_at ON mention FOR EACH ROW
WHEN (OLD.claim_id IS DISTINCT FROM NEW.claim_id OR OLD.article_id IS DISTINCT FROM NEW.article_id
  OR OLD.exact IS DISTINCT FROM NEW.exact OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
EXECUTE FUNCTION claim_search_mention_changed();
--> statement-breakpoint
CREATE TRIGGER claim_search_mention_delete AFTER DELETE ON mention FOR EACH ROW EXECUTE FUNCTION claim_search_mention_changed();
--> statement-breakpoint
-- SQLite claim_search_article_update / _delete: only a new title or a (un)publish matters.
CREATE FUNCTION claim_search_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_claim_search(ARRAY(SELECT m.claim_id FROM mention m WHERE m.article_id = OLD.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_search_article_update AFTER UPDATE OF title, status ON article FOR EACH ROW
WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION claim_search_article_changed();
--> statement-breakpoint
CREATE TRIGGER claim_search_article_delete AFTER DELETE ON article FOR EACH ROW EXECUTE FUNCTION claim_search_article_changed();
--> statement-breakpoint
-- `%q%` for ILIKE with the user's own %, _ and \ matched literally (SQLite's likeContains).
-- Immutable, so a constant query folds to a constant pattern the trigram indexes can read.
CREATE FUNCTION claim_search_pattern(q text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '%' || replace(replace(replace(btrim(q), '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;
--> statement-breakpoint
-- The ids of claims whose statement, quoted words or article titles contain `q`, case-
-- insensitively: PostgreSQL's side of db/tracker/search.ts matchingClaimIds, one query for
-- every length. Three characters or more read the trigram indexes (a BitmapOr of the three);
-- fewer scan claim_search (see the top of this file).
CREATE FUNCTION claim_search_matches(q text) RETURNS SETOF integer LANGUAGE sql STABLE AS $$
  SELECT claim_id FROM claim_search
  WHERE statement ILIKE claim_search_pattern(q) OR quotes ILIKE claim_search_pattern(q) OR titles ILIKE claim_search_pattern(q)
$$;
