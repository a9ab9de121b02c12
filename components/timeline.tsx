import type { TimelineEventDto } from "@/db/events/timeline";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { formatDate, formatTimestamp } from "@/lib/format";
import { StatusBadge } from "./status-badge";

interface TimelineProps {
  events: (TimelineEventDto & { visibility?: "draft" | "published"; internalNote?: string | null })[];
  status: (key: string) => StatusDto;
  /** Editors also see drafts and internal notes. */
  showInternal?: boolean;
}

/** A claim's verification history, oldest first, with each event's sources. */
export function Timeline({ events, status, showInternal = false }: TimelineProps) {
  if (events.length === 0) return <p className="text-sm text-[var(--color-muted)]">No verification recorded yet.</p>;
  return (
    <ol className="relative flex flex-col gap-5 border-l-2 border-[var(--color-rule)] pl-5" aria-label="Verification timeline">
      {events.map((event) => (
        <li key={event.id} id={`event-${event.id}`} className="relative">
          <span className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full border-2 border-white" style={{ backgroundColor: status(event.statusKey).color }} aria-hidden="true" />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <time dateTime={event.effectiveDate} className="text-sm font-semibold">
              {formatDate(event.effectiveDate, event.effectivePrecision)}
            </time>
            <StatusBadge status={status(event.statusKey)} size="sm" />
            {event.correctsEventId ? (
              <a href={`#event-${event.correctsEventId}`} className="text-xs font-medium text-amber-800 underline">
                Correction of an earlier entry
              </a>
            ) : null}
            {showInternal && event.visibility === "draft" ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Draft</span> : null}
          </div>
          {event.rationale ? <p className="mt-1.5 whitespace-pre-line leading-relaxed">{event.rationale}</p> : null}
          {showInternal && event.internalNote ? (
            <p className="mt-1.5 rounded bg-stone-100 px-2 py-1 text-sm text-stone-700">
              <span className="font-medium">Internal note:</span> {event.internalNote}
            </p>
          ) : null}
          {event.sources.length > 0 ? (
            <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label="Sources">
              {event.sources.map((source, i) => (
                <li key={i}>
                  <a href={source.url} rel="noopener noreferrer nofollow" className="text-[var(--color-accent)] underline">
                    {source.title || source.url}
                  </a>
                  {source.publisher ? <span className="text-[var(--color-muted)]"> · {source.publisher}</span> : null}
                  {source.publishedDate ? <span className="text-[var(--color-muted)]"> · {formatDate(source.publishedDate)}</span> : null}
                  {source.archivedUrl ? (
                    <>
                      {" · "}
                      <a href={source.archivedUrl} rel="noopener noreferrer nofollow" className="text-[var(--color-muted)] underline">
                        archived copy
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-1 text-xs text-[var(--color-muted)]">
            Recorded {formatTimestamp(event.recordedAt)}
            {event.authorName ? ` by ${event.authorName}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
