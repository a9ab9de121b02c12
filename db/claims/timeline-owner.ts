import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { inIds } from "../sql-dialect";
import { claims } from "../schema";

/**
 * THE definition of two reader facts, for every query that needs them:
 * - which claims readers may see: `claim.readable` (not deleted, with a live mention in a
 *   published article);
 * - whose timeline a claim's events join: `claim.timeline_owner_id`, the claim itself, or the
 *   end of its chain of merges (merging never moves events: they are append-only, so a merged
 *   claim keeps them and they show on the claim it was merged into, directly or in a chain).
 *
 * Both are kept on the claim by the triggers of migration 0008, in the transaction of every
 * write, from whatever path (app, import, restore, bench generator); the app never writes them.
 * Reading a column instead of walking `merged_into_id` in each query means one rule instead of
 * six copies, lets the planner use the indexes on those columns (claim_readable_*,
 * claim_timeline_owner_idx), and costs one index probe per claim instead of a recursive CTE.
 * PostgreSQL keeps the same columns with its own triggers, so these fragments stay as they are.
 *
 * What the triggers guarantee, and every query here relies on: only a live claim is merged,
 * into a live claim, and merging also deletes it (merge-claims.ts, retireInto); a merged claim
 * is never restored (delete-claim.ts). So a claim that is not deleted is never merged and owns
 * its own timeline (`timeline_owner_id = id`), and the claims whose timeline_owner_id is a live
 * claim are exactly that claim and the claims merged into it, directly or in a chain: what the
 * old walks down `merged_into_id` from a live claim returned. From a merged (deleted) claim a
 * walk down would give its own subtree, the column gives nothing: no reader or timeline asks
 * for a merged claim's timeline (its page redirects to `mergedInto`), see the tests.
 */

/**
 * Claims readers may see, for a claim table aliased `alias` (default the unaliased `claim`).
 * `= TRUE`, not `= 1`: SQLite reads TRUE as 1 and still searches claim_readable_* by it, and
 * PostgreSQL's boolean column refuses a comparison with an integer.
 */
export function readableClaimAs(alias: SQL = sql`claim`): SQL {
  return sql`${alias}.readable = TRUE`;
}

/** The same rule on the Drizzle table, for queries built on `claims`. */
export const readableClaim: SQL = sql`${claims.readable} = TRUE`;

/** The claim whose timeline shows the events of the claim aliased `alias`: for grouping or joining events by timeline. */
export function timelineOwnerOfClaim(alias: SQL = sql`claim`): SQL {
  return sql`${alias}.timeline_owner_id`;
}

/**
 * The claims whose events the timeline of `owner` shows: a claim aliased `alias` joins that
 * timeline when this holds (read through claim_timeline_owner_idx).
 */
export function onTimelineOf(owner: SQL, alias: SQL = sql`claim`): SQL {
  return sql`${timelineOwnerOfClaim(alias)} = ${owner}`;
}

/**
 * Event-claim id → timeline-owner id, for the timelines of the given live claims: each claim
 * and every claim merged into it. One indexed read.
 */
export async function timelineOwners(db: Db | Tx, ownerIds: readonly number[]): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (ownerIds.length === 0) return owners;
  const rows = await db.all<{ id: number; owner: number }>(sql`
    SELECT claim.id, claim.timeline_owner_id AS owner FROM claim WHERE ${inIds(sql`claim.timeline_owner_id`, ownerIds)}`);
  for (const row of rows) owners.set(row.id, row.owner);
  return owners;
}

/** The claim whose timeline shows this claim's events (itself when it was never merged); null when there is no such claim. */
export async function timelineOwnerOf(db: Db | Tx, claimId: number): Promise<number | null> {
  const row = await db.get<{ owner: number | null } | undefined>(sql`SELECT timeline_owner_id AS owner FROM claim WHERE id = ${claimId}`);
  return row?.owner ?? null;
}
