import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { onTimelineOf } from "./timeline-owner";

/**
 * Where a merged claim lives on: the claim whose timeline now shows its events (the end of its
 * chain of merges, kept as timeline_owner_id; see timeline-owner.ts), when that claim is not
 * deleted. Null when the claim was not merged, or the chain ends in a deleted claim (then there
 * is nothing to show).
 *
 * This used to walk the chain to the first claim that is not deleted. The two agree in every
 * state the app can reach: merging deletes the merged claim and a merged claim is never
 * restored, so every claim along a chain but its end is deleted (timeline-owner.test.ts).
 */
export async function mergedInto(db: Db | Tx, claimId: number): Promise<number | null> {
  const row = await db.get<{ id: number } | undefined>(sql`
    SELECT owner.id FROM claim merged JOIN claim owner ON ${onTimelineOf(sql`owner.id`, sql`merged`)}
    WHERE merged.id = ${claimId} AND merged.merged_into_id IS NOT NULL AND owner.deleted_at IS NULL`);
  return row?.id ?? null;
}
