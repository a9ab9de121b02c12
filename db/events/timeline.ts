import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { recordedCutoff, type TimeView } from "../../lib/as-of";
import { eventsEffectiveBy, statusInView } from "../../lib/claim-on-day";
import type { DatePrecision } from "../../lib/dates";
import type { SourceDto, TimelineEventDto } from "../../lib/timeline-types";
import { timelineOwners } from "../claims/timeline-owner";
import type { Db } from "../client";
import { loadEventSources } from "./event-sources";
import { inIds } from "../sql-dialect";
import { rawRows } from "../raw-rows";
import { statusEvents, user } from "../schema";

export type { SourceDto, TimelineEventDto };

/** What editors see in addition: drafts and the internal note. */
export interface EditorTimelineEventDto extends TimelineEventDto {
  visibility: "draft" | "published";
  internalNote: string | null;
}

type Audience = "public" | "editor";

/**
 * Loads the timelines of several claims in two queries (events, then their sources), oldest
 * first as `compareEventsChronologically` orders them. The public audience gets published
 * events only, and the internal note is never selected for it, so it cannot leak through a
 * forgotten field.
 */
interface TimelineOptions {
  /**
   * The day the timelines stand on: as published on it, only events recorded by its end (UTC);
   * as of it (effective axis), every published event known now that had taken effect by then,
   * with the corrections of those (see eventsEffectiveBy).
   */
  view?: TimeView | null;
  /** False skips loading sources (every event gets none), for callers that need only dates and statuses. */
  withSources?: boolean;
  /** False skips reading authors' names (every event's is null), for exports that do not write them. */
  withAuthors?: boolean;
}

export function loadTimelines(db: Db, claimIds: number[], audience: "public", options?: TimelineOptions): Promise<Map<number, TimelineEventDto[]>>;
export function loadTimelines(db: Db, claimIds: number[], audience: "editor", options?: TimelineOptions): Promise<Map<number, EditorTimelineEventDto[]>>;
export async function loadTimelines(db: Db, claimIds: number[], audience: Audience, options: TimelineOptions = {}): Promise<Map<number, TimelineEventDto[]>> {
  const timelines = new Map<number, TimelineEventDto[]>();
  if (claimIds.length === 0) return timelines;
  const editor = audience === "editor";
  const owners = await timelineOwners(db, claimIds);
  const where = and(
    inIds(statusEvents.claimId, [...owners.keys()]),
    editor ? undefined : eq(statusEvents.visibility, "published"),
    options.view?.axis === "published" ? lte(statusEvents.recordedAt, recordedCutoff(options.view)!) : undefined,
  );
  // Chronological order (compareEventsChronologically's) is left to SQLite; the columns are
  // read as raw rows (recorded_at stays milliseconds): a whole-desk report reads 500,000
  // events, and drizzle's row objects and Dates were most of what that cost.
  const events = await rawRows<EventRow>(
    db,
    db
      .select({
        id: statusEvents.id,
        claimId: statusEvents.claimId,
        statusKey: statusEvents.statusKey,
        effectiveDate: statusEvents.effectiveDate,
        effectivePrecision: statusEvents.effectivePrecision,
        recordedAt: statusEvents.recordedAt,
        rationale: statusEvents.rationale,
        rationaleLanguage: statusEvents.rationaleLanguage,
        correctsEventId: statusEvents.correctsEventId,
        // Without the name SQLite leaves out the join (a user is found by its primary key, or not at all).
        authorName: options.withAuthors === false ? sql<null>`NULL` : user.name,
        ...(editor ? { visibility: statusEvents.visibility, internalNote: statusEvents.internalNote } : {}),
      })
      .from(statusEvents)
      .leftJoin(user, eq(user.id, statusEvents.authorId))
      .where(where)
      .orderBy(asc(statusEvents.effectiveDate), asc(statusEvents.recordedAt), asc(statusEvents.id)),
  );
  const sourcesByEvent = options.withSources === false ? null : await loadEventSources(db, events.map((e) => e[0]));

  for (const [id, claimId, statusKey, effectiveDate, effectivePrecision, recordedAt, rationale, rationaleLanguage, correctsEventId, authorName, visibility, internalNote] of events) {
    const sources = sourcesByEvent?.get(id) ?? [];
    const event: TimelineEventDto = { id, statusKey, effectiveDate, effectivePrecision, recordedAt: new Date(recordedAt).toISOString(), rationale, rationaleLanguage, correctsEventId, authorName, sources };
    const dto = editor ? ({ ...event, visibility: visibility!, internalNote: internalNote ?? null } satisfies EditorTimelineEventDto) : event;
    const owner = owners.get(claimId) ?? claimId;
    const list = timelines.get(owner);
    if (list) list.push(dto);
    else timelines.set(owner, [dto]);
  }
  if (options.view?.axis === "effective") {
    const day = options.view.day;
    for (const [owner, list] of timelines) {
      const shown = eventsEffectiveBy(list, day);
      if (shown.length > 0) timelines.set(owner, shown);
      else timelines.delete(owner);
    }
  }
  return timelines;
}

type EventRow = [
  id: number,
  claimId: number,
  statusKey: string,
  effectiveDate: string,
  effectivePrecision: DatePrecision,
  recordedAtMs: number,
  rationale: string | null,
  rationaleLanguage: string | null,
  correctsEventId: number | null,
  authorName: string | null,
  /** Selected for editors only. */
  visibility?: "draft" | "published",
  internalNote?: string | null,
];

/** The status a public timeline, loaded for `view`, adds up to (what the claim's status was then). */
export function statusOfTimeline(timeline: TimelineEventDto[], view: TimeView | null): string {
  return statusInView(timeline.map((e) => ({ ...e, recordedAt: Date.parse(e.recordedAt) })), view);
}
