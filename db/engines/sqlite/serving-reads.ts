import type Database from "better-sqlite3";
import type { ServingReads } from "../serving-reads-types";

/**
 * SQLite's serving reads (db/serving-reads.ts): statements prepared once per connection and
 * answered synchronously. Lists of ids or tags go in as one JSON array read by json_each, so
 * each statement is prepared once whatever the list's length (PostgreSQL binds an array).
 */
export function sqliteServingReads(client: Database.Database): ServingReads {
  const counter = sqliteCounterStatement(client);
  const articleBySlug = client.prepare<[string], number>("SELECT id FROM article WHERE slug = ?").pluck();
  const claimsOfArticle = client
    .prepare<[number], number>(
      `WITH shown AS (SELECT c.id, c.timeline_owner_id FROM mention m JOIN claim c ON c.id = m.claim_id WHERE m.article_id = ? AND m.deleted_at IS NULL)
       SELECT id FROM shown UNION SELECT timeline_owner_id FROM shown WHERE timeline_owner_id IS NOT NULL ORDER BY 1`,
    )
    .pluck();
  const familyOfClaim = client
    .prepare<[number], number>(
      `WITH asked AS (SELECT id, COALESCE(timeline_owner_id, id) AS owner FROM claim WHERE id = ?)
       SELECT id FROM asked UNION SELECT owner FROM asked
       UNION SELECT claim.id FROM claim JOIN asked ON claim.timeline_owner_id = asked.owner ORDER BY 1`,
    )
    .pluck();
  const articlesOfClaims = client
    .prepare<[string], number>("SELECT DISTINCT article_id FROM mention WHERE deleted_at IS NULL AND claim_id IN (SELECT value FROM json_each(?)) ORDER BY article_id")
    .pluck();
  const changedSince = client
    .prepare<[string, number], number>("SELECT 1 FROM cache_tag_change WHERE tag IN (SELECT value FROM json_each(?)) AND changed_at > ? LIMIT 1")
    .pluck();
  const allChangedSince = client.prepare<[number], string>("SELECT tag FROM cache_tag_change WHERE changed_at > ? ORDER BY tag").pluck();
  return {
    changeCount: () => counter.get() ?? 0,
    articleIdBySlug: (slug) => articleBySlug.get(slug),
    claimsOfArticle: (articleId) => claimsOfArticle.all(articleId),
    familyOfClaim: (claimId) => familyOfClaim.all(claimId),
    articlesOfClaims: (claimIds) => articlesOfClaims.all(JSON.stringify(claimIds)),
    anyTagChangedSince: (tags, counter) => changedSince.get(JSON.stringify(tags), counter) !== undefined,
    tagsChangedSince: (counter) => allChangedSince.all(counter),
  };
}

function sqliteCounterStatement(client: Database.Database): Database.Statement<[], number> {
  return client.prepare<[], number>("SELECT value FROM change_counter WHERE id = 1").pluck();
}

/**
 * The counter of a SQLite file opened apart from the app (a backup being restored,
 * db/backup/online-restore.ts), read synchronously inside its file work.
 */
export function sqliteChangeCount(client: Database.Database): number {
  return sqliteCounterStatement(client).get() ?? 0;
}
