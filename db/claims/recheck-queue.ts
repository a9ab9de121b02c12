import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { queueQuery } from "../../lib/recheck-input";
import { daysAgoIso, startOfDayMs, todayIso } from "../../lib/recheck";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { epochMs } from "../sql-dialect";
import { timelineOwnerOfClaim } from "./timeline-owner";

export interface QueueItemDto {
  claimId: number;
  statement: string;
  currentStatus: string;
  /** YYYY-MM-DD, or null when no re-check date is set. */
  recheckBy: string | null;
  /** ISO timestamp of the latest status event (draft or published), else of the claim's creation. */
  lastActivityAt: string;
  /** The article of the claim's earliest live mention; null when it has none left. */
  article: { id: number; title: string } | null;
}

export interface RecheckQueueDto {
  /** YYYY-MM-DD (UTC): re-check dates up to and including it are due. */
  today: string;
  /** Claims with no activity for more than this many days are stale. */
  days: number;
  due: QueueItemDto[];
  stale: QueueItemDto[];
}

interface QueueRow {
  claimId: number;
  statement: string;
  currentStatus: string;
  recheckBy: string | null;
  resolved: number | boolean;
  lastActivityMs: number;
  articleId: number | null;
  articleTitle: string | null;
}

/**
 * Every live claim (not deleted, not merged) with what the queue needs, computed in SQL so the
 * queue costs the same few queries whatever the number of claims:
 * - last_event: the latest recorded event of each timeline, drafts included (a draft is work).
 *   Events stay on a merged claim (they are append-only), so a claim's activity includes the
 *   events of every claim merged into it: grouped by the kept timeline owner (timeline-owner.ts);
 * - first_mention: the earliest live mention of each claim, to name an article.
 */
const owner = timelineOwnerOfClaim(sql`event_claim`);
const queueClaims = sql`
  WITH last_event AS (
    SELECT ${owner} AS claim_id, MAX(status_event.recorded_at) AS recorded_at
    FROM status_event JOIN claim AS event_claim ON event_claim.id = status_event.claim_id
    GROUP BY ${owner}
  ),
  first_mention AS (
    SELECT claim_id, article_id, ROW_NUMBER() OVER (PARTITION BY claim_id ORDER BY created_at, id) AS rank
    FROM mention WHERE deleted_at IS NULL
  ),
  queue_claim AS (
    SELECT
      claim.id AS "claimId",
      claim.statement AS "statement",
      claim.current_status AS "currentStatus",
      claim.recheck_by AS "recheckBy",
      status.resolved AS "resolved",
      ${epochMs(sql`COALESCE(last_event.recorded_at, claim.created_at)`)} AS "lastActivityMs",
      article.id AS "articleId",
      article.title AS "articleTitle"
    FROM claim
    JOIN status ON status.key = claim.current_status
    LEFT JOIN last_event ON last_event.claim_id = claim.id
    LEFT JOIN first_mention ON first_mention.claim_id = claim.id AND first_mention.rank = 1
    LEFT JOIN article ON article.id = first_mention.article_id
    WHERE claim.deleted_at IS NULL AND claim.merged_into_id IS NULL
  )`;

async function selectQueue(where: SQL, orderBy: SQL): Promise<QueueItemDto[]> {
  return (await getDb()
    .all<QueueRow>(sql`${queueClaims} SELECT * FROM queue_claim WHERE ${where} ORDER BY ${orderBy}`))
    .map((row) => ({
      claimId: row.claimId,
      statement: row.statement,
      currentStatus: row.currentStatus,
      recheckBy: row.recheckBy,
      lastActivityAt: new Date(row.lastActivityMs).toISOString(),
      article: row.articleId === null ? null : { id: row.articleId, title: row.articleTitle ?? "" },
    }));
}

/**
 * The editors' re-check queue, oldest first in both lists:
 * - due: claims whose re-check date is today or past;
 * - stale: unresolved claims with no event recorded (or, without events, created) before the
 *   day `days` days ago, leaving out those already due so each claim shows once.
 * Days are UTC calendar days, so the queue does not shift with the hour.
 */
export async function listRecheckQueue(actor: Actor | null, options: { days: number; now?: Date }): Promise<RecheckQueueDto> {
  await authorize(getDb(), actor, EDITOR_ROLES);
  const { days } = queueQuery.parse({ days: options.days });
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const cutoffMs = startOfDayMs(daysAgoIso(days, now));
  // YYYY-MM-DD strings sort as dates, so a text comparison is a date comparison.
  const isDue = sql`"recheckBy" IS NOT NULL AND "recheckBy" <= ${today}`;
  const due = await selectQueue(isDue, sql`"recheckBy", "claimId"`);
  const stale = await selectQueue(sql`"resolved" = FALSE AND "lastActivityMs" < ${cutoffMs} AND NOT (${isDue})`, sql`"lastActivityMs", "claimId"`);
  return { today, days, due, stale };
}
