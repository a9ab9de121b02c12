import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "../db/client";

/**
 * The tracker's stored figures (migration 0008: claim.readable, timeline_owner_id and
 * timeline_readable, reader_status_count, reader_status_month) are kept by triggers. After each
 * write path, every one of them must equal what a recomputation from the rows gives.
 */

interface Figures {
  claims: { id: number; readable: number | boolean; owner: number; timelineReadable: number | boolean }[];
  statusCounts: { kind: string; statusKey: string; claims: number }[];
  months: { month: string; statusKey: string; events: number }[];
}

/** What the stored columns and tables say (rows at zero are what a reader skips). */
export async function stored(): Promise<Figures> {
  const db = getDb();
  return {
    claims: await db.all(sql`SELECT id, readable, timeline_owner_id AS owner, timeline_readable AS "timelineReadable" FROM claim ORDER BY id`),
    statusCounts: await db.all(sql`SELECT kind, status_key AS "statusKey", claims FROM reader_status_count WHERE claims <> 0 ORDER BY kind, status_key`),
    months: await db.all(sql`SELECT month, status_key AS "statusKey", events FROM reader_status_month WHERE events <> 0 ORDER BY month, status_key`),
  };
}

/** The same figures from scratch: the rule for readers, the merge chains, and the counts over them. */
async function recomputed(): Promise<Figures> {
  const db = getDb();
  const readable = sql`(c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'))`;
  const owners = sql`WITH RECURSIVE owner(id, root) AS (
      SELECT id, id FROM claim WHERE merged_into_id IS NULL
      UNION ALL SELECT c.id, owner.root FROM claim c JOIN owner ON c.merged_into_id = owner.id
    ), flag AS (SELECT c.id, ${readable} AS readable FROM claim c)`;
  return {
    claims: await db.all(sql`${owners}
      SELECT c.id, flag.readable, owner.root AS owner, root_flag.readable AS "timelineReadable"
      FROM claim c JOIN flag ON flag.id = c.id JOIN owner ON owner.id = c.id JOIN flag AS root_flag ON root_flag.id = owner.root ORDER BY c.id`),
    statusCounts: await db.all(sql`SELECT c.kind, c.current_status AS "statusKey", count(*) AS claims FROM claim c WHERE ${readable}
      GROUP BY c.kind, c.current_status ORDER BY c.kind, c.current_status`),
    months: await db.all(sql`${owners}
      SELECT substr(e.effective_date, 1, 7) AS month, e.status_key AS "statusKey", count(*) AS events
      FROM status_event e JOIN owner ON owner.id = e.claim_id JOIN flag ON flag.id = owner.root
      WHERE e.visibility = 'published' AND flag.readable = TRUE GROUP BY 1, 2 ORDER BY 1, 2`),
  };
}

/** The stored figures equal a recomputation from the rows, `after` naming the step. */
export async function expectInStep(after: string): Promise<void> {
  const figures = await stored();
  expect(figures, after).toEqual(await recomputed());
}
