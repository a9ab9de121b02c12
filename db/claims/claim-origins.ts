import "server-only";
import type { ClaimOrigin } from "../../lib/claim-on-day";
import type { Db } from "../client";

/**
 * When each claim came to be, in the world and on Claimline (see ClaimOrigin), read from its
 * live mentions in published articles and those of the claims merged into it, in one
 * statement. The claim page and the article page both read this, so for the same day they
 * agree on whether a claim existed yet. Claims with no public mention are left out.
 */
export function loadClaimOrigins(db: Db, claimIds: readonly number[]): Map<number, ClaimOrigin> {
  const origins = new Map<number, ClaimOrigin>();
  if (claimIds.length === 0) return origins;
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE owned(root, id) AS (
         SELECT value, value FROM json_each(?)
         UNION SELECT owned.root, claim.id FROM claim JOIN owned ON claim.merged_into_id = owned.id)
       SELECT owned.root, root_claim.claim_date, MIN(article.published_date), MAX(root_claim.created_at, MIN(mention.created_at))
       FROM owned
       JOIN claim AS root_claim ON root_claim.id = owned.root
       JOIN mention ON mention.claim_id = owned.id AND mention.deleted_at IS NULL
       JOIN article ON article.id = mention.article_id AND article.status = 'published'
       GROUP BY owned.root`,
    )
    .raw()
    .all(JSON.stringify(claimIds)) as [number, string | null, string | null, number][];
  for (const [id, claimDate, firstArticleDate, trackedSinceMs] of rows) origins.set(id, { firstMadeOn: claimDate ?? firstArticleDate, trackedSinceMs });
  return origins;
}
