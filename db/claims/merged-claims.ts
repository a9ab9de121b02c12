import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { inIds } from "../id-list";

/**
 * Which claim's timeline each event belongs to. Merging never rewrites events (they are
 * append-only): a merged claim keeps its events and points at the claim it was merged into,
 * so a timeline is the events of the claim plus those of every claim merged into it.
 * Returns event-claim id → timeline-owner id, for the given owners.
 */
export function timelineOwners(db: Db | Tx, ownerIds: readonly number[]): Map<number, number> {
  const owners = new Map<number, number>();
  if (ownerIds.length === 0) return owners;
  const rows = db.all<{ id: number; owner: number }>(sql`
    WITH RECURSIVE merged(id, owner) AS (
      SELECT id, id FROM claim WHERE ${inIds(sql`id`, ownerIds)}
      UNION ALL
      SELECT claim.id, merged.owner FROM claim JOIN merged ON claim.merged_into_id = merged.id
    )
    SELECT id, owner FROM merged`);
  for (const row of rows) owners.set(row.id, row.owner);
  return owners;
}

/**
 * Where a merged claim lives on: the claim it was merged into, following a chain of merges to
 * a claim that is not deleted. Null when the claim was not merged, or the chain ends in a
 * deleted claim (then there is nothing to show). One statement.
 */
export function mergedInto(db: Db | Tx, claimId: number): number | null {
  const row = db.get<{ id: number } | undefined>(sql`
    WITH RECURSIVE chain(id, merged_into_id, deleted_at, depth) AS (
      SELECT id, merged_into_id, deleted_at, 0 FROM claim WHERE id = ${claimId}
      UNION ALL
      SELECT claim.id, claim.merged_into_id, claim.deleted_at, chain.depth + 1 FROM claim JOIN chain ON claim.id = chain.merged_into_id
      WHERE chain.depth < 100
    )
    SELECT id FROM chain WHERE depth > 0 AND deleted_at IS NULL ORDER BY depth LIMIT 1`);
  return row?.id ?? null;
}
