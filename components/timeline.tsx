import { useLocale, useTranslations } from "next-intl";
import type { TimelineEventDto } from "@/db/events/timeline";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { langOf } from "@/lib/article-doc/text-language";
import { formatDate, formatTimestamp } from "@/lib/format";
import { linkHref } from "@/lib/link-href";
import { statusLabel } from "@/lib/localized-labels";
import { ExternalLink } from "./external-link";
import { RichText } from "./rich-text";
import { StatusBadge } from "./status-badge";

type TimelineEvent = TimelineEventDto & { visibility?: "draft" | "published"; internalNote?: string | null };

interface TimelineProps {
  events: TimelineEvent[];
  status: (key: string) => StatusDto;
  /** Editors also see drafts and internal notes. */
  showInternal?: boolean;
  /** Readers see the latest first; editors can ask for the order of entry. */
  order?: "newest-first" | "oldest-first";
  /** Per-event controls for editors (publish or discard a draft). */
  renderActions?: (event: TimelineEvent) => React.ReactNode;
}

/** A claim's verification history with each event's sources, corrections marked both ways. */
export function Timeline({ events, status, showInternal = false, order = "newest-first", renderActions }: TimelineProps) {
  const t = useTranslations("reader.timeline");
  const locale = useLocale();
  if (events.length === 0) return <p className="text-sm text-[var(--color-muted)]">{t("empty")}</p>;
  const byId = new Map(events.map((e) => [e.id, e]));
  const correctedBy = new Map(events.filter((e) => e.correctsEventId && e.visibility !== "draft").map((e) => [e.correctsEventId!, e]));
  const ordered = order === "newest-first" ? [...events].reverse() : events;
  return (
    <ol className="relative flex flex-col gap-6 border-l-2 border-[var(--color-rule)] pl-5" aria-label={t("label")}>
      {ordered.map((event) => {
        const corrected = byId.get(event.correctsEventId ?? -1);
        const correction = correctedBy.get(event.id);
        return (
          <li key={event.id} id={`event-${event.id}`} className="relative" data-event-status={event.statusKey} data-corrected={correction ? "true" : undefined}>
            <span className="timeline-dot" style={{ backgroundColor: status(event.statusKey).color }} aria-hidden="true" />
            <div className="timeline-head">
              <time dateTime={event.effectiveDate} className="text-sm font-semibold">
                {formatDate(event.effectiveDate, event.effectivePrecision, locale)}
              </time>
              {/* Inline, so the row takes the text's line height, not the smaller badge's. */}
              <span className={correction ? "opacity-60" : undefined}>
                <StatusBadge status={status(event.statusKey)} size="sm" />
              </span>
              {event.correctsEventId ? (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="correction-marker">
                  {t("correction")}
                </span>
              ) : null}
              {correction ? (
                <a href={`#event-${correction.id}`} className="text-xs font-medium text-amber-900 underline" data-testid="corrected-marker">
                  {t("correctedOn", { date: formatDate(correction.recordedAt.slice(0, 10), "day", locale) })}
                </a>
              ) : null}
              {showInternal && event.visibility === "draft" ? <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs font-semibold text-stone-800">{t("draft")}</span> : null}
            </div>
            {corrected ? (
              <p className="mt-1 text-sm text-amber-900">
                {t.rich("corrects", {
                  date: formatDate(corrected.effectiveDate, corrected.effectivePrecision, locale),
                  status: statusLabel(status(corrected.statusKey), locale),
                  link: (chunks) => (
                    <a href={`#event-${corrected.id}`} className="underline">
                      {chunks}
                    </a>
                  ),
                })}
              </p>
            ) : null}
            {event.rationale ? (
              <RichText markdown={event.rationale} language={langOf(event.rationale, event.rationaleLanguage)} className={correction ? "mt-1.5 text-[var(--color-muted)] line-through decoration-1" : "mt-1.5"} />
            ) : null}
            {showInternal && event.internalNote ? (
              <p className="mt-1.5 rounded bg-stone-100 px-2 py-1 text-sm text-stone-700">
                <span className="font-medium">{t("internalNote")}</span> {event.internalNote}
              </p>
            ) : null}
            {event.sources.length > 0 ? (
              <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label={t("sources")}>
                {event.sources.map((source, i) => (
                  <li key={i}>
                    <ExternalLink url={source.url} className="text-[var(--color-accent)] underline">
                      {source.title ? <span lang={langOf(source.title, source.titleLanguage)}>{source.title}</span> : source.url}
                    </ExternalLink>
                    {source.publisher ? (
                      <span lang={langOf(source.publisher)} className="text-[var(--color-muted)]">
                        {" · "}
                        {source.publisher}
                      </span>
                    ) : null}
                    {source.publishedDate ? <span className="text-[var(--color-muted)]"> · {formatDate(source.publishedDate, "day", locale)}</span> : null}
                    {linkHref(source.archivedUrl) ? (
                      <>
                        {" · "}
                        <ExternalLink url={source.archivedUrl} className="text-[var(--color-muted)] underline">
                          {t("archived")}
                        </ExternalLink>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="timeline-meta">
              {event.authorName
                ? t("recordedBy", { time: formatTimestamp(event.recordedAt, locale), name: event.authorName })
                : t("recorded", { time: formatTimestamp(event.recordedAt, locale) })}
            </p>
            {renderActions ? <div className="mt-2">{renderActions(event)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
