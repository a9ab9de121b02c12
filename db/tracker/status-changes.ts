import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import type { TrackerQuery } from "../../lib/tracker-query";
import { type Db, getDb, type Tx } from "../client";
import { readerStatusMonths, statusEvents } from "../schema";
import { joinInOrder } from "../sql-dialect";
import { onlyKindOrStatus, timelineClaimsCte, trackerClaimsWhere } from "./search";

export interface StatusChangeCountDto {
  /** YYYY-MM of the events' effective date. */
  month: string;
  statusKey: string;
  count: number;
}

/**
 * For the trends page's chart: how many published status events the claims a query selects
 * received, per month of effective date and status, oldest month first. Paging and the sort are
 * ignored (the chart covers the whole result); drafts never count. Without filters these are
 * the desk's figures, kept by triggers (migration 0008). Otherwise one statement over the
 * selected claims: CROSS JOIN makes them drive, each reading its own events through the claim
 * index, rather than SQLite scanning every event of the desk for a filtered or searched few.
 */
export async function statusChangesOverTime(query: TrackerQuery): Promise<StatusChangeCountDto[]> {
  const db = getDb();
  if (onlyKindOrStatus(query) && query.kind.length === 0 && query.status.length === 0) {
    return db
      .select({ month: readerStatusMonths.month, statusKey: readerStatusMonths.statusKey, count: readerStatusMonths.events })
      .from(readerStatusMonths)
      .where(gt(readerStatusMonths.events, 0))
      .orderBy(asc(readerStatusMonths.month), asc(readerStatusMonths.statusKey));
  }
  return statusChangesFromRows(db, query);
}

/** The same figures computed from the rows: what the trends page shows for a filtered view, and what tests check the kept figures against. */
export async function statusChangesFromRows(db: Db | Tx, query: TrackerQuery): Promise<StatusChangeCountDto[]> {
  const month = sql<string>`substr(${statusEvents.effectiveDate}, 1, 7)`;
  return db.all<StatusChangeCountDto>(sql`
    WITH ${timelineClaimsCte(trackerClaimsWhere(query))}
    SELECT ${month} AS month, ${statusEvents.statusKey} AS "statusKey", count(*) AS count
    FROM timeline_claim ${joinInOrder()} ${statusEvents} ON ${statusEvents.claimId} = timeline_claim.claim_id
    WHERE ${statusEvents.visibility} = 'published'
    GROUP BY month, "statusKey"
    ORDER BY month, "statusKey"`);
}
