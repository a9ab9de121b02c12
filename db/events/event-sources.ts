import "server-only";
import { asc, eq } from "drizzle-orm";
import type { SourceDto } from "../../lib/timeline-types";
import type { Db } from "../client";
import { inIds } from "../sql-dialect";
import { rawRows } from "../raw-rows";
import { eventSources, sources } from "../schema";

/**
 * The sources of the given events, each event's in its order: what a timeline (db/events/
 * timeline.ts) and a feed entry (db/feeds/feed-events.ts) show under a status change. One
 * query for all the events; rows as arrays (rawRows), as a long timeline reads thousands.
 */
export async function loadEventSources(db: Db, eventIds: readonly number[]): Promise<Map<number, SourceDto[]>> {
  const byEvent = new Map<number, SourceDto[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await rawRows<[eventId: number, url: string, title: string | null, titleLanguage: string | null, publisher: string | null, publishedDate: string | null, archivedUrl: string | null]>(
    db,
    db
      .select({ eventId: eventSources.eventId, url: sources.url, title: sources.title, titleLanguage: sources.titleLanguage, publisher: sources.publisher, publishedDate: sources.publishedDate, archivedUrl: sources.archivedUrl })
      .from(eventSources)
      .innerJoin(sources, eq(sources.id, eventSources.sourceId))
      .where(inIds(eventSources.eventId, eventIds))
      .orderBy(asc(eventSources.eventId), asc(eventSources.position)),
  );
  for (const [eventId, url, title, titleLanguage, publisher, publishedDate, archivedUrl] of rows) {
    const source: SourceDto = { url, title, titleLanguage, publisher, publishedDate, archivedUrl };
    const list = byEvent.get(eventId);
    if (list) list.push(source);
    else byEvent.set(eventId, [source]);
  }
  return byEvent;
}
