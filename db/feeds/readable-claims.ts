import "server-only";
import { type SQL, sql } from "drizzle-orm";

/**
 * What "readers can see this claim" means in every feed, as SQL fragments. A claim is readable
 * when it is not deleted and has a live mention in a published article; a merged claim's
 * events show on the claim it was merged into (merging retires the source, so only the end of
 * a chain of merges can be readable).
 */

/** A correlated subquery: the claim has a mention that is not deleted, in a published article (that one, when given). */
export function liveMentionInPublishedArticle(claimId: SQL, articleId: number | null = null): SQL {
  return sql`
    SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = ${claimId} AND m.deleted_at IS NULL AND a.status = 'published'
    ${articleId === null ? sql`` : sql`AND a.id = ${articleId}`}`;
}

/**
 * A correlated scalar subquery: the claim whose timeline shows an event of `claimId`. That is
 * the claim itself unless it was merged, else the first claim along its merges that is not
 * deleted; null when there is none. One primary-key read for a claim never merged.
 */
export function timelineOwnerOf(claimId: SQL): SQL {
  return sql`(
    WITH RECURSIVE chain(id, next_id, deleted_at, depth) AS (
      SELECT c.id, c.merged_into_id, c.deleted_at, 0 FROM claim c WHERE c.id = ${claimId}
      UNION ALL
      SELECT c.id, c.merged_into_id, c.deleted_at, chain.depth + 1 FROM claim c JOIN chain ON c.id = chain.next_id
      WHERE chain.deleted_at IS NOT NULL AND chain.depth < 100
    )
    SELECT id FROM chain WHERE deleted_at IS NULL ORDER BY depth LIMIT 1)`;
}
