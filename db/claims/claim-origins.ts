import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { ClaimOrigin } from "../../lib/claim-on-day";
import type { Db } from "../client";
import { claims } from "../schema";
import { onTimelineOf } from "./timeline-owner";

/**
 * When each claim came to be, in the world and on Claimline (see ClaimOrigin), read from its
 * live mentions in published articles and those of the claims merged into it (the claims on
 * its timeline, timeline-owner.ts), in one statement. The claim page and the article page both
 * read this, so for the same day they agree on whether a claim existed yet. Claims with no
 * public mention are left out. The ids are a parameter list: one claim, or one article's.
 */
export function loadClaimOrigins(db: Db, claimIds: readonly number[]): Map<number, ClaimOrigin> {
  const origins = new Map<number, ClaimOrigin>();
  if (claimIds.length === 0) return origins;
  // CROSS JOIN keeps the given claims outer (an article's few), each reading its timeline's
  // mentions by index, rather than SQLite walking every published article's mentions.
  // Two-argument MAX is SQLite's scalar maximum; PostgreSQL spells it GREATEST.
  const rows = db.all<{ id: number; claimDate: string | null; firstArticleDate: string | null; trackedSinceMs: number }>(sql`
    SELECT claim.id, claim.claim_date AS claimDate, MIN(article.published_date) AS firstArticleDate,
      MAX(claim.created_at, MIN(mention.created_at)) AS trackedSinceMs
    FROM claim
    CROSS JOIN claim held ON ${onTimelineOf(sql`claim.id`, sql`held`)}
    CROSS JOIN mention ON mention.claim_id = held.id AND mention.deleted_at IS NULL
    JOIN article ON article.id = mention.article_id AND article.status = 'published'
    WHERE ${inArray(claims.id, [...claimIds])}
    GROUP BY claim.id`);
  for (const { id, claimDate, firstArticleDate, trackedSinceMs } of rows) origins.set(id, { firstMadeOn: claimDate ?? firstArticleDate, trackedSinceMs });
  return origins;
}
