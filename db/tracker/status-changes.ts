import "server-only";
import { sql } from "drizzle-orm";
import type { TrackerQuery } from "../../lib/tracker-query";
import { getDb } from "../client";
import { statusEvents } from "../schema";
import { timelineClaimsCte, trackerClaimsWhere } from "./search";

export interface StatusChangeCountDto {
  /** YYYY-MM of the events' effective date. */
  month: string;
  statusKey: string;
  count: number;
}

/**
 * For the tracker's chart: how many published status events the claims a query selects
 * received, per month of effective date and status, oldest month first. Paging is ignored
 * (the chart covers the whole result); drafts never count. One statement. CROSS JOIN makes
 * the selected claims drive, each reading its own events through the claim index, rather
 * than SQLite scanning every event of the desk for a filtered or searched few.
 */
export function statusChangesOverTime(query: TrackerQuery): StatusChangeCountDto[] {
  const month = sql<string>`substr(${statusEvents.effectiveDate}, 1, 7)`;
  return getDb().all<StatusChangeCountDto>(sql`
    WITH RECURSIVE ${timelineClaimsCte(trackerClaimsWhere(query))}
    SELECT ${month} AS month, ${statusEvents.statusKey} AS statusKey, count(*) AS count
    FROM timeline_claim CROSS JOIN ${statusEvents} ON ${statusEvents.claimId} = timeline_claim.claim_id
    WHERE ${statusEvents.visibility} = 'published'
    GROUP BY month, statusKey
    ORDER BY month, statusKey`);
}
