import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { endOfDayMs } from "../../lib/as-of";
import { compareEventsChronologically, currentStatusKey } from "../../lib/current-status";
import type { SourceDto, TimelineEventDto } from "../../lib/timeline-types";
import { timelineOwners } from "../claims/merged-claims";
import type { Db } from "../client";
import { inIds } from "../id-list";
import { eventSources, sources, statusEvents, user } from "../schema";

export type { SourceDto, TimelineEventDto };

/** What editors see in addition: drafts and the internal note. */
export interface EditorTimelineEventDto extends TimelineEventDto {
  visibility: "draft" | "published";
  internalNote: string | null;
}

type Audience = "public" | "editor";

/**
 * Loads the timelines of several claims in two queries (events, then their sources), oldest
 * first. The public audience gets published events only, and the internal note is never
 * selected for it, so it cannot leak through a forgotten field.
 */
interface TimelineOptions {
  /** Only events recorded on or before this day (YYYY-MM-DD, UTC) count. */
  asOf?: string | null;
  /** False skips loading sources (every event gets none), for callers that need only dates and statuses. */
  withSources?: boolean;
}

export function loadTimelines(db: Db, claimIds: number[], audience: "public", options?: TimelineOptions): Map<number, TimelineEventDto[]>;
export function loadTimelines(db: Db, claimIds: number[], audience: "editor", options?: TimelineOptions): Map<number, EditorTimelineEventDto[]>;
export function loadTimelines(db: Db, claimIds: number[], audience: Audience, options: TimelineOptions = {}): Map<number, TimelineEventDto[]> {
  const timelines = new Map<number, TimelineEventDto[]>();
  if (claimIds.length === 0) return timelines;
  const editor = audience === "editor";
  const owners = timelineOwners(db, claimIds);
  const eventClaimIds = [...owners.keys()];
  const where = and(
    inIds(statusEvents.claimId, eventClaimIds),
    editor ? undefined : eq(statusEvents.visibility, "published"),
    options.asOf ? lte(statusEvents.recordedAt, new Date(endOfDayMs(options.asOf))) : undefined,
  );
  const rows = db
    .select({
      id: statusEvents.id,
      claimId: statusEvents.claimId,
      statusKey: statusEvents.statusKey,
      effectiveDate: statusEvents.effectiveDate,
      effectivePrecision: statusEvents.effectivePrecision,
      recordedAt: statusEvents.recordedAt,
      rationale: statusEvents.rationale,
      correctsEventId: statusEvents.correctsEventId,
      visibility: statusEvents.visibility,
      authorName: user.name,
      ...(editor ? { internalNote: statusEvents.internalNote } : {}),
    })
    .from(statusEvents)
    .leftJoin(user, eq(user.id, statusEvents.authorId))
    .where(where)
    .all();

  const sourceRows = options.withSources === false ? [] : db
    .select({ eventId: eventSources.eventId, url: sources.url, title: sources.title, publisher: sources.publisher, publishedDate: sources.publishedDate, archivedUrl: sources.archivedUrl })
    .from(eventSources)
    .innerJoin(sources, eq(sources.id, eventSources.sourceId))
    .where(inIds(eventSources.eventId, rows.map((r) => r.id)))
    .orderBy(asc(eventSources.eventId), asc(eventSources.position))
    .all();
  const sourcesByEvent = new Map<number, SourceDto[]>();
  for (const { eventId, ...source } of sourceRows) {
    const list = sourcesByEvent.get(eventId) ?? [];
    list.push(source);
    sourcesByEvent.set(eventId, list);
  }

  // The comparison reads a key built once per event: reports sort hundreds of thousands.
  const sorted = rows
    .map((row) => ({ row, key: { id: row.id, effectiveDate: row.effectiveDate, recordedAt: row.recordedAt.getTime() } }))
    .sort((a, b) => compareEventsChronologically(a.key, b.key))
    .map(({ row }) => row);
  for (const row of sorted) {
    const { claimId, visibility, internalNote, ...rest } = row as typeof row & { internalNote?: string | null };
    const event: TimelineEventDto = { ...rest, recordedAt: row.recordedAt.toISOString(), sources: sourcesByEvent.get(row.id) ?? [] };
    const dto = editor ? ({ ...event, visibility, internalNote: internalNote ?? null } satisfies EditorTimelineEventDto) : event;
    const owner = owners.get(claimId) ?? claimId;
    const list = timelines.get(owner) ?? [];
    list.push(dto);
    timelines.set(owner, list);
  }
  return timelines;
}

/** The status a public timeline adds up to (what the claim's status was, for as-of views). */
export function statusOfTimeline(timeline: TimelineEventDto[]): string {
  return currentStatusKey(timeline.map((e) => ({ ...e, recordedAt: Date.parse(e.recordedAt), visibility: "published" as const })));
}
