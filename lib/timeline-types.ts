import type { DatePrecision } from "./dates";

/** A source cited by a status event, as readers see it. Shared by pages, feeds and reports. */
export interface SourceDto {
  url: string;
  title: string | null;
  /** The title's BCP 47 tag; null without a title or on sources older than migration 0016 (detected when rendered). */
  titleLanguage?: string | null;
  publisher: string | null;
  publishedDate: string | null;
  archivedUrl: string | null;
}

/** A published status event as readers see it (no internal note, never a draft). */
export interface TimelineEventDto {
  id: number;
  statusKey: string;
  effectiveDate: string;
  effectivePrecision: DatePrecision;
  /** ISO time. */
  recordedAt: string;
  rationale: string | null;
  /** The rationale's BCP 47 tag; null without one or on events older than migration 0016 (detected when rendered). */
  rationaleLanguage?: string | null;
  correctsEventId: number | null;
  authorName: string | null;
  sources: SourceDto[];
}
