import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { endOfDayMs } from "../../lib/as-of";
import { sqliteStatement } from "../engines/sqlite/gated-session";
import type { Db } from "../client";
import { msInstant, ON_POSTGRES } from "../sql-dialect";
import { trackedBy } from "./feed-day";

/** A published event chosen for a feed, and the claim whose timeline shows it. */
export interface FeedPick {
  id: number;
  owner: number;
}

/**
 * How many events the walk reads before it gives up, per entry wanted. Past this,
 * most recent events belong to claims readers cannot see (a large unpublished article, say),
 * readable claims are likely few, and reading their timelines is the cheaper plan.
 */
export const WALK_EVENTS_PER_ENTRY = 20;

const dialect = new SQLiteSyncDialect();

/**
 * The newest `limit` published events of readable claims, by recorded time: walks
 * status_event_recorded_idx newest first and checks each event's claim as it goes (whether
 * its timeline owner is readable, kept on the claim), stopping once it has `limit`.
 * The work follows the feed's size, not the desk's. Null when it read limit ×
 * WALK_EVENTS_PER_ENTRY events without finding enough: the caller then reads by claim.
 *
 * As published on a day (`publishedDay`), the walk starts at the end of that day, on the same
 * index, and counts an event only on a claim Claimline already showed then (feed-day.ts).
 */
export async function newestReadableEvents(db: Db, limit: number, publishedDay: string | null = null): Promise<FeedPick[] | null> {
  const budget = limit * WALK_EVENTS_PER_ENTRY;
  // The owner is null for a draft and when readers cannot see the event's timeline: the claim
  // keeps both facts (migration 0008), so each event costs one primary-key read. Drafts are
  // rows here, not a WHERE term, so that they count against the budget too; only their ids
  // leave SQLite, and rowsForPicks filters on visibility again.
  const statement = publishedDay === null ? sql`
      SELECT e.id, CASE WHEN e.visibility = 'published' THEN (
        SELECT c.timeline_owner_id FROM claim c WHERE c.id = e.claim_id AND c.timeline_readable = TRUE
      ) END
      FROM status_event e
      ORDER BY e.recorded_at DESC, e.id DESC
      LIMIT ${budget}` : shownByDay(endOfDayMs(publishedDay), budget);
  const picks: FeedPick[] = [];
  let read = 0;
  // Iterated on SQLite, so it reads no further than the last event we look at. PostgreSQL
  // sends the rows in one reply; the budget bounds them.
  const rows = ON_POSTGRES ? ((await db.values(statement)) as [number, number | null][]) : await iterateOnSqlite(db, statement);
  for (const [id, owner] of rows) {
    read++;
    if (owner !== null) picks.push({ id, owner });
    if (picks.length === limit) return picks;
  }
  return read < budget ? picks : null;
}

/** The walk as published on a day: events recorded by `cutoff` (ms), of claims tracked by then. */
function shownByDay(cutoff: number, budget: number) {
  return sql`
      SELECT e.id, CASE WHEN e.visibility = 'published' THEN (
        SELECT c.timeline_owner_id FROM claim c JOIN claim survivor ON survivor.id = c.timeline_owner_id
        WHERE c.id = e.claim_id AND c.timeline_readable = TRUE AND ${trackedBy(sql`survivor`, cutoff)}
      ) END
      FROM status_event e
      WHERE e.recorded_at <= ${msInstant(cutoff)}
      ORDER BY e.recorded_at DESC, e.id DESC
      LIMIT ${budget}`;
}

async function iterateOnSqlite(db: Db, statement: SQL): Promise<Iterable<[number, number | null]>> {
  const query = dialect.sqlToQuery(statement);
  // The caller ends the iteration before its next await, as a cached statement requires.
  return (await sqliteStatement(db, query.sql)).raw().iterate(...query.params) as IterableIterator<[number, number | null]>;
}
