import "server-only";
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { ClaimOrigin } from "../../lib/claim-on-day";
import { sqliteStatement } from "../engines/sqlite/gated-session";
import type { Db } from "../client";
import { epochMs, greatest, inIds, ON_POSTGRES } from "../sql-dialect";
import { onTimelineOf } from "./timeline-owner";

/**
 * The statement, rendered once: the given claims (a JSON array, as db/id-list.ts binds id
 * lists; PostgreSQL takes an array parameter, `= ANY($1)`), each with the claims on its
 * timeline (timeline-owner.ts) and their live mentions in published articles. CROSS JOIN keeps
 * the given claims outer, each reading its timeline's mentions by index, rather than SQLite
 * walking every published article's mentions. Two-argument MAX is SQLite's scalar maximum;
 * PostgreSQL spells it GREATEST. Built once because building it per call cost more than running
 * it (an article page as of a day asks for each of its claims).
 */
const SQLITE_ORIGINS_SQL = new SQLiteSyncDialect().sqlToQuery(sql`
  SELECT claim.id, claim.claim_date, MIN(article.published_date), MAX(claim.created_at, MIN(mention.created_at))
  FROM json_each(?) AS asked
  CROSS JOIN claim ON claim.id = asked.value
  CROSS JOIN claim held ON ${onTimelineOf(sql`claim.id`, sql`held`)}
  CROSS JOIN mention ON mention.claim_id = held.id AND mention.deleted_at IS NULL
  JOIN article ON article.id = mention.article_id AND article.status = 'published'
  GROUP BY claim.id`).sql;

type OriginRow = [id: number, claimDate: string | null, firstArticleDate: string | null, trackedSinceMs: number];

/**
 * PostgreSQL's spelling of the same statement, through the driver (sqliteClient is SQLite's):
 * the ids as an array parameter, GREATEST for the scalar MAX, the time as epoch milliseconds,
 * and plain joins (PostgreSQL's CROSS JOIN takes no ON; its planner orders them itself).
 */
async function postgresOriginRows(db: Db, claimIds: readonly number[]): Promise<OriginRow[]> {
  return db.values<OriginRow>(sql`
    SELECT claim.id, claim.claim_date, MIN(article.published_date), ${epochMs(greatest(sql`claim.created_at`, sql`MIN(mention.created_at)`))}
    FROM claim
    JOIN claim held ON ${onTimelineOf(sql`claim.id`, sql`held`)}
    JOIN mention ON mention.claim_id = held.id AND mention.deleted_at IS NULL
    JOIN article ON article.id = mention.article_id AND article.status = 'published'
    WHERE ${inIds(sql`claim.id`, claimIds)}
    GROUP BY claim.id`);
}

/**
 * When each claim came to be, in the world and on Claimline (see ClaimOrigin), read from its
 * live mentions in published articles and those of the claims merged into it, in one
 * statement. The claim page and the article page both read this, so for the same day they
 * agree on whether a claim existed yet. Claims with no public mention are left out.
 */
export async function loadClaimOrigins(db: Db, claimIds: readonly number[]): Promise<Map<number, ClaimOrigin>> {
  const origins = new Map<number, ClaimOrigin>();
  if (claimIds.length === 0) return origins;
  const rows = ON_POSTGRES ? await postgresOriginRows(db, claimIds) : ((await sqliteStatement(db, SQLITE_ORIGINS_SQL)).raw().all(JSON.stringify(claimIds)) as OriginRow[]);
  for (const [id, claimDate, firstArticleDate, trackedSinceMs] of rows) origins.set(id, { firstMadeOn: claimDate ?? firstArticleDate, trackedSinceMs });
  return origins;
}
