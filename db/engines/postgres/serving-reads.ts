import type pg from "pg";
import type { ServingReads } from "../serving-reads-types";

/**
 * PostgreSQL's serving reads (db/serving-reads.ts) on the app's pool. Each is a named
 * statement, so a connection parses and plans it once and then only binds and runs it. The
 * counter is read from the table on every call, not from a value a LISTEN keeps up to date: a
 * node then sees another node's commit on its next request, with no window in which a
 * notification is still on its way (or was lost with a dropped connection).
 *
 * Lists go in as one array parameter (`= ANY($1)`), as SQLite's go in as one JSON array.
 * int8 columns are read with Number(): the pool's type parser may be node-postgres' default
 * (strings) when the pool was not opened by db/engines/postgres/open-postgres.ts.
 */
export function postgresServingReads(pool: pg.Pool): ServingReads {
  const numbers = async (name: string, text: string, values: unknown[]) =>
    (await pool.query<{ n: string | number }>({ name, text, values })).rows.map((row) => Number(row.n));
  return {
    async changeCount() {
      const { rows } = await pool.query<{ value: string | number }>({ name: "claimline-change-count", text: "SELECT value FROM change_counter WHERE id = 1" });
      return rows.length === 0 ? 0 : Number(rows[0]!.value);
    },
    async articleIdBySlug(slug) {
      const [id] = await numbers("claimline-article-by-slug", "SELECT id AS n FROM article WHERE slug = $1", [slug]);
      return id;
    },
    claimsOfArticle: (articleId) =>
      numbers(
        "claimline-claims-of-article",
        `WITH shown AS (SELECT c.id, c.timeline_owner_id FROM mention m JOIN claim c ON c.id = m.claim_id WHERE m.article_id = $1 AND m.deleted_at IS NULL)
         SELECT id AS n FROM shown UNION SELECT timeline_owner_id FROM shown WHERE timeline_owner_id IS NOT NULL ORDER BY 1`,
        [articleId],
      ),
    familyOfClaim: (claimId) =>
      numbers(
        "claimline-family-of-claim",
        `WITH asked AS (SELECT id, COALESCE(timeline_owner_id, id) AS owner FROM claim WHERE id = $1)
         SELECT id AS n FROM asked UNION SELECT owner FROM asked
         UNION SELECT claim.id FROM claim JOIN asked ON claim.timeline_owner_id = asked.owner ORDER BY 1`,
        [claimId],
      ),
    articlesOfClaims: (claimIds) =>
      numbers(
        "claimline-articles-of-claims",
        "SELECT DISTINCT article_id AS n FROM mention WHERE deleted_at IS NULL AND claim_id = ANY($1::int[]) ORDER BY article_id",
        [claimIds],
      ),
    async anyTagChangedSince(tags, counter) {
      const { rowCount } = await pool.query({
        name: "claimline-tags-changed-since",
        text: "SELECT 1 FROM cache_tag_change WHERE tag = ANY($1::text[]) AND changed_at > $2 LIMIT 1",
        values: [tags, counter],
      });
      return (rowCount ?? 0) > 0;
    },
    async tagsChangedSince(counter) {
      const { rows } = await pool.query<{ tag: string }>({
        name: "claimline-all-tags-changed-since",
        // COLLATE "C": the byte order SQLite's ORDER BY uses, whatever the database's locale.
        text: `SELECT tag FROM cache_tag_change WHERE changed_at > $1 ORDER BY tag COLLATE "C"`,
        values: [counter],
      });
      return rows.map((row) => row.tag);
    },
  };
}
