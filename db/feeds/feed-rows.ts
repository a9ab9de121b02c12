import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { TimeView } from "../../lib/as-of";
import type { DatePrecision } from "../../lib/dates";
import { onTimelineOf, timelineOwnerOfClaim } from "../claims/timeline-owner";
import type { Db } from "../client";
import { epochMs, indexedBy, ON_POSTGRES } from "../sql-dialect";
import { dayCondition, feedOrder } from "./feed-day";
import type { FeedPick } from "./newest-readable-events";

/** A feed entry as read from SQLite: recorded time still in milliseconds, sources not yet attached. */
export interface FeedRow {
  id: number;
  /** The claim whose public timeline shows the event: for a merged claim's event, the claim it was merged into. */
  claimId: number;
  statement: string;
  statusKey: string;
  effectiveDate: string;
  effectivePrecision: DatePrecision;
  rationale: string | null;
  rationaleLanguage: string | null;
  correctsEventId: number | null;
  recordedAt: number;
}

// The public fields only: the internal note is never selected.
const PUBLIC_COLUMNS = sql`survivor.statement, e.status_key AS "statusKey",
  e.effective_date AS "effectiveDate", e.effective_precision AS "effectivePrecision",
  e.rationale, e.rationale_language AS "rationaleLanguage", e.corrects_event_id AS "correctsEventId", ${epochMs(sql`e.recorded_at`)} AS "recordedAt"`;

/**
 * The entries for events already chosen (by the newest-first walk, which applied any day's
 * conditions), each shown on its timeline owner; newest first by recorded time.
 */
export async function rowsForPicks(db: Db, picks: readonly FeedPick[]): Promise<FeedRow[]> {
  if (picks.length === 0) return [];
  return db.all<FeedRow>(sql`
    SELECT e.id, pick.owner AS "claimId", ${PUBLIC_COLUMNS}
    FROM ${pickTable(picks)} pick
    JOIN status_event e ON e.id = pick.id
    JOIN claim survivor ON survivor.id = pick.owner
    WHERE e.visibility = 'published'
    ORDER BY e.recorded_at DESC, e.id DESC`);
}

/**
 * The latest published events of the given readable claims and of every claim merged into
 * them (the claims on their timelines, timeline-owner.ts), newest first. `readable` selects
 * claim ids. For a few claims (one claim, one article) the claims drive: each finds the claims
 * of its timeline through claim_timeline_owner_idx and their events through
 * status_event_claim_idx, so the cost follows those claims; for many (the desk's fallback)
 * SQLite walks events by recorded time and checks each event's claim.
 * With a view, only the events of its day (feed-day.ts), filtered before the limit, in its order.
 */
export async function rowsForClaims(db: Db, readable: SQL, limit: number, { few, view = null }: { few: boolean; view?: TimeView | null }): Promise<FeedRow[]> {
  const owner = timelineOwnerOfClaim(sql`owned`);
  // Few: without the named index SQLite may instead walk every event in the desk by recorded
  // time (1.5 s at 100,000 claims) or build a temporary index of all events, depending on the
  // columns asked for. Many: without it SQLite reads every readable claim's events and sorts
  // them all, rather than stopping at the limit.
  const from = few
    ? sql`visible CROSS JOIN claim owned ON ${onTimelineOf(sql`visible.id`, sql`owned`)}
      CROSS JOIN status_event e${indexedBy("status_event_claim_idx")} ON e.claim_id = owned.id`
    : sql`status_event e${indexedBy("status_event_recorded_idx")} CROSS JOIN claim owned ON owned.id = e.claim_id AND ${owner} IN (SELECT id FROM visible)`;
  return db.all<FeedRow>(sql`
    WITH visible(id) AS (${readable})
    SELECT e.id, ${owner} AS "claimId", ${PUBLIC_COLUMNS}
    FROM ${from}
    JOIN claim survivor ON survivor.id = ${owner}
    WHERE e.visibility = 'published'${dayCondition(view)}
    ORDER BY ${feedOrder(view)}
    LIMIT ${limit}`);
}

/**
 * The desk as of a day: its readable events in effect by then (feed-day.ts), newest effective
 * first. No index orders events by effective date, so SQLite reads every event once and keeps
 * the newest `limit` (a sort bounded by the limit), checking each event's claim by its primary
 * key as the newest-first walk does (timeline_readable, timeline_owner_id): cheaper than
 * gathering the readable claims and their merged claims first (at 20,000 claims, 60–70 ms
 * against 170–320; at 100,000 claims and 500,000 events, 170–210 ms; on a loaded machine).
 * Its cost follows the desk's events, unlike the live feed's walk (2–8 ms at 100,000); an
 * index on (effective_date, recorded_at) would let it walk too.
 */
export async function rowsInEffectOn(db: Db, view: TimeView & { axis: "effective" }, limit: number): Promise<FeedRow[]> {
  return db.all<FeedRow>(sql`
    SELECT e.id, c.timeline_owner_id AS "claimId", ${PUBLIC_COLUMNS}
    FROM status_event e
    CROSS JOIN claim c ON c.id = e.claim_id
    JOIN claim survivor ON survivor.id = c.timeline_owner_id
    WHERE e.visibility = 'published' AND c.timeline_readable = TRUE${dayCondition(view)}
    ORDER BY ${feedOrder(view)}
    LIMIT ${limit}`);
}

/**
 * The picks as a table (id, owner): SQLite walks a JSON array of pairs; PostgreSQL unnests two
 * integer arrays bound as one parameter each.
 */
function pickTable(picks: readonly FeedPick[]): SQL {
  if (ON_POSTGRES) {
    return sql`(SELECT * FROM unnest(${sql.param(picks.map((p) => p.id))}::int[], ${sql.param(picks.map((p) => p.owner))}::int[]) AS t(id, owner))`;
  }
  return sql`(SELECT value ->> 0 AS id, value ->> 1 AS owner FROM json_each(${JSON.stringify(picks.map((p) => [p.id, p.owner]))}))`;
}
